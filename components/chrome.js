// Streamlit's own words on screen in the user's language, the page's lang attribute, and links
// to the app's own login routes in the same tab.
//
// Streamlit 1.67 has no setting for the language of its widget chrome ("Skip to main
// content", "Choose an option", "Upload", "8MB per file", "Press Enter to apply", the labels
// screen readers hear). This component draws nothing: it sets <html lang> and rewrites those
// fixed strings, wherever Streamlit puts them, as text (textContent or an attribute), never
// as HTML. Only whole strings that match one of the catalogue's templates change; a template's
// {placeholder} carries the rest along unchanged (a caption after "Fullscreen: ").
// Content the users typed, and the app's own text, is never touched: text inside markdown,
// text elements, tables, code, form fields and the part editor is left alone.

const ATTRIBUTES = ["aria-label", "placeholder", "title"];
// Where the app's and the users' own text is shown: never rewritten.
const CONTENT = [
  ".stMarkdown",
  "[data-testid='stText']",
  "[data-testid='stTable']",
  "[data-testid='stCode']",
  "[data-testid='stCaptionContainer']",
  "h1",
  "h2",
  "h3",
].join(",");
// Text inside form fields is what the user typed; their attributes (a placeholder) are chrome.
const TYPED = "input, textarea, select, [contenteditable]";

// One per browser tab: the rules of the current language, the observer, and every node changed
// with what Streamlit had put there (to put it back when the user switches language).
const STATE =
  window.__kernbriefChrome ||
  (window.__kernbriefChrome = { rules: [], language: null, changed: new Map() });

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// "Press {key}+Enter to apply" -> /^Press (?<key>.+?)\+Enter to apply$/
function compile([english, translated]) {
  const names = [];
  const pattern = escapeRegex(english).replace(/\\\{(\w+)\\\}/g, (_whole, name) => {
    names.push(name);
    return `(?<${name}>.+?)`;
  });
  return { pattern: new RegExp(`^${pattern}$`), translated, names };
}

function translate(text) {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 200) return null;
  for (const rule of STATE.rules) {
    const found = rule.pattern.exec(trimmed);
    if (!found) continue;
    let result = rule.translated;
    for (const name of rule.names) result = result.split(`{${name}}`).join(found.groups[name]);
    return text.replace(trimmed, result);
  }
  return null;
}

function remember(node, name, original) {
  let originals = STATE.changed.get(node);
  if (!originals) STATE.changed.set(node, (originals = {}));
  if (!(name in originals)) originals[name] = original;
}

function translateElement(element) {
  // Attributes everywhere, headings and markdown included: Streamlit puts its own labels there
  // (the link beside a heading); text typed by users is never a whole attribute on its own.
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    const translated = translate(value);
    if (translated !== null && translated !== value) {
      remember(element, name, value);
      element.setAttribute(name, translated);
    }
  }
}

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || parent.closest(CONTENT) || parent.closest(TYPED)) return;
  const translated = translate(node.nodeValue);
  if (translated !== null && translated !== node.nodeValue) {
    remember(node, "#text", node.nodeValue);
    node.nodeValue = translated;
  }
}

// Back to Streamlit's own words, before another language's are put in (or none, in English).
function restore() {
  for (const [node, originals] of STATE.changed) {
    if (!node.isConnected) continue;
    for (const [name, original] of Object.entries(originals)) {
      if (name === "#text") node.nodeValue = original;
      else node.setAttribute(name, original);
    }
  }
  STATE.changed.clear();
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  // Attributes are labels Streamlit sets on its own controls: they hold no typed text, except
  // after a template's placeholder, which is kept as it was.
  translateElement(root);
  for (const element of root.querySelectorAll("[aria-label], [placeholder], [title]")) {
    translateElement(element);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) translateText(node);
}

// Streamlit 1.67 opens every link button and markdown link in a new tab. The login form is
// this app's own (/auth/…, served beside Streamlit): it opens in the same tab, so that the
// tab the visitor is in is the one that ends up logged in.
const OWN_ROUTES = "a[href^='/auth/']";

function sameTab(root) {
  const links = root.matches && root.matches(OWN_ROUTES) ? [root] : [];
  if (root.querySelectorAll) links.push(...root.querySelectorAll(OWN_ROUTES));
  for (const link of links) {
    if (link.getAttribute("target") !== "_self") link.setAttribute("target", "_self");
  }
}

function onMutations(records) {
  for (const record of records) {
    if (record.type === "childList") record.addedNodes.forEach((node) => sameTab(node));
    else if (record.type === "attributes" && record.target.nodeType === Node.ELEMENT_NODE) {
      sameTab(record.target);
    }
  }
  if (!STATE.rules.length) return;
  for (const record of records) {
    if (record.type === "childList") record.addedNodes.forEach(translateTree);
    else if (record.type === "attributes") translateElement(record.target);
    else if (record.type === "characterData") translateText(record.target);
  }
}

// After a link opened another section or tab of the same page (a point of attention, "Volgende"),
// the browser leaves the focus nowhere and the page scrolled where it was: the newly opened tab
// gets the focus, in view, so that keyboard users go on from there and everyone sees it open.
function focusOpenedTab(search) {
  const path = location.pathname;
  const moved = STATE.shownPath === path && STATE.shownSearch !== search;
  STATE.shownPath = path;
  STATE.shownSearch = search;
  if (!moved) return;
  const active = document.activeElement;
  const onLink = active && active.tagName === "A";
  if (active && active !== document.body && active.isConnected && !onLink) return;
  const tab = document.querySelector("[role='tab'][aria-selected='true']");
  if (!tab) return;
  tab.focus({ preventScroll: true });
  tab.scrollIntoView({ block: "start" });
}

export default function (component) {
  const data = component.data || {};
  if (data.lang) document.documentElement.lang = data.lang;
  if (data.lang !== STATE.language) {
    STATE.rules = [];
    restore();
    STATE.language = data.lang;
  }
  STATE.rules = (data.rules || []).map(compile);
  // Nodes Streamlit removed are forgotten, so that a long session keeps no dead ones.
  for (const node of STATE.changed.keys()) if (!node.isConnected) STATE.changed.delete(node);
  if (!STATE.langObserver) {
    // Whatever else sets <html lang> (Streamlit, a translation extension), the page's language
    // is the user's: screen readers choose their voice by it.
    STATE.langObserver = new MutationObserver(() => {
      const root = document.documentElement;
      if (STATE.language && root.lang !== STATE.language) root.lang = STATE.language;
    });
    STATE.langObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["lang"],
    });
  }
  if (!STATE.observer) {
    STATE.observer = new MutationObserver(onMutations);
    STATE.observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...ATTRIBUTES, "target", "href"],
    });
  }
  sameTab(document.body);
  if (STATE.rules.length) translateTree(document.body);
  // Once Streamlit has drawn the run's elements (this component comes last).
  requestAnimationFrame(() => focusOpenedTab(data.address || ""));
}
