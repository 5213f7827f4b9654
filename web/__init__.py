"""The Starlette side of the server: login routes, the save endpoint, middleware, st.App."""
