"""The database: engine, tables, repositories and migrations; free of any UI framework."""
