// The part editor of Kernbrief: one part of a design brief (a text, a choice, a set of
// checkboxes or a table of rows) that saves itself over HTTP while the user types.
//
// Why this is not st.text_area / st.data_editor: those send their value with a Streamlit
// rerun when the field loses focus, and a click on another page sends the page change
// first; the rerun then ran on the wrong page, remounted the fields empty, and the next
// edit saved the blanks over the stored text. This editor saves with its own request,
// based on the version it showed, after a pause in typing, on leaving the field and when
// the tab is hidden or closed. A rerun never saves anything.
//
// User text is only ever placed with .value and .textContent, never as HTML.

const EDITORS = new WeakMap();
// The newest editor of each part in this page, so an older one that is still retrying after
// its step was left stops as soon as the part is shown again.
const LIVE = new Map();
// The newest version of each part saved from this page. A save still retrying after its step
// was left can land after the server drew the step again from the version before it; the new
// editor must then show what was saved, not the older text (nor lose the draft that held it).
const NEWEST = new Map();
// Where the keyboard focus was in an editor whose save reruns the whole page (the choice of
// theme modules opens tabs): the editor drawn anew puts it back, so a keyboard user goes on
// from the box they ticked rather than from the top of the page.
const REFOCUS = new Map();
const REFOCUS_MS = 15000;
const PAUSE_MS = 1000;
const CHOICE_PAUSE_MS = 300;
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30000;
// Browsers refuse keepalive requests above 64 kB; bigger texts were saved at the last pause.
const KEEPALIVE_LIMIT = 60000;
const AWAY_REFRESH_MS = 15000;
// Text cells grow to show all their text; where the browser cannot size a field to its content
// by itself, the editor sets their height.
const SIZES_ITSELF = typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");
// The least width a table column of each kind gets (other columns can shrink further).
const MIN_WIDTHS = { date: "7.2rem", select: "5.5rem", money: "5.5rem", number: "4.5rem", int: "4.5rem" };

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let editor = EDITORS.get(parentElement);
  if (!editor) {
    editor = new PartEditor(parentElement);
    EDITORS.set(parentElement, editor);
  }
  editor.trigger = setTriggerValue;
  editor.receive(data);
  return () => {
    editor.unmount();
    EDITORS.delete(parentElement);
  };
}

function canonical(value) {
  return JSON.stringify(value === undefined ? null : value);
}

function same(a, b) {
  return canonical(a) === canonical(b);
}

function fill(template, params) {
  return String(template).replace(/\{(\w+)\}/g, (all, name) =>
    name in params ? String(params[name]) : all,
  );
}

function newRowId() {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined)
      node.setAttribute(name, String(value));
  }
  if (text !== null) node.textContent = text;
  return node;
}

// --- numbers as people type them in Flanders ("25.000,50") or in English ("25,000.50") ---
const AMBIGUOUS = "ambiguous";

function parseNumber(text, locale) {
  // Returns the number's plain text ("-1250.5"), null when empty, or NaN when it is none.
  // Flemish habits are read in both languages: the last of "." and "," is the decimal mark,
  // a mark used twice groups thousands, and only "1.250" / "1,250" (one mark, three digits
  // after it) follows the screen's language.
  const raw = String(text)
    .replace(/[\u2212\u2012-\u2015]/g, "-")
    .replace(/[€\s\u00a0\u202f']/g, "");
  if (raw === "") return null;
  const marks = raw.replace(/[^.,]/g, "");
  let decimal = null;
  if (marks.includes(".") && marks.includes(",")) {
    decimal = marks[marks.length - 1];
  } else if (marks.length === 1) {
    const after = raw.split(marks)[1];
    if (after.length === 3 && String(locale).startsWith("en")) {
      // On an English screen a Flemish "1.250" and an English "1,250" look alike: ask.
      return AMBIGUOUS;
    }
    decimal = after.length === 3 && marks === "." ? null : marks;
  }
  let plain = raw;
  for (const mark of [".", ","]) {
    if (mark !== decimal) plain = plain.split(mark).join("");
  }
  if (decimal) plain = plain.replace(decimal, ".");
  return /^-?\d+(\.\d+)?$/.test(plain) ? plain : NaN;
}

function formatNumber(value, column, locale) {
  if (value === null || value === undefined || value === "") return "";
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  const options =
    column.kind === "money"
      ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
      : { maximumFractionDigits: 6, useGrouping: column.kind !== "int" };
  return new Intl.NumberFormat(locale, options).format(number);
}

function oneLine(field) {
  // A line of text keeps no line breaks (pasted ones become spaces, the caret stays put).
  if (!field.value.includes("\n")) return;
  const { selectionStart, selectionEnd } = field;
  field.value = field.value.replace(/\n/g, " ");
  field.setSelectionRange(selectionStart, selectionEnd);
}

function growCell(field) {
  // Where the browser does not size the field to its text itself (field-sizing), do it here.
  if (SIZES_ITSELF || !field.isConnected) return;
  field.style.height = "auto";
  field.style.height = `${field.scrollHeight + 2}px`;
}

class PartEditor {
  constructor(root) {
    this.root = root;
    this.trigger = null;
    this.data = null;
    this.shape = null;
    this.version = 0;
    this.serverValue = null;
    this.localSaved = null;
    this.inFlight = null;
    this.again = false;
    this.timer = null;
    this.retryTimer = null;
    this.retryDelay = RETRY_FIRST_MS;
    this.conflict = null;
    this.problem = null;
    this.resetCount = null;
    this.hiddenAt = null;
    this.unmounted = false;
    this.retired = false;
    this.rows = [];
    this.placing = false;
    this.pointed = null;
    this.onVisibility = () => {
      if (document.visibilityState === "hidden") {
        this.hiddenAt = Date.now();
        this.flush("hidden");
      } else {
        this.backFromAway();
      }
    };
    this.onPageHide = () => this.flush("hidden");
    this.onBeforeUnload = (event) => {
      // Text that the closing save cannot take along (refused, in conflict, unreachable):
      // let the browser ask before the tab goes.
      if (this.hasUnsavable()) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    document.addEventListener("visibilitychange", this.onVisibility);
    window.addEventListener("pagehide", this.onPageHide);
    window.addEventListener("beforeunload", this.onBeforeUnload);
    this.localProblems = 0;
  }

  get text() {
    return this.data.text;
  }

  // ----- receiving what the server shows ----------------------------------------------
  receive(data) {
    this.receiveData(data);
    this.showDerived();
  }

  // A choice left empty whose value the brief derives (a vacancy category from 'vacant
  // since'): its empty option says what it is taken to be, as the document and charts do.
  showDerived() {
    if (!this.data || this.data.kind !== "rows" || !this.rows) return;
    const derived = this.data.derived || {};
    for (const row of this.rows) {
      for (const [name, input] of Object.entries(row.inputs)) {
        const empty = input.tagName === "SELECT" ? input.querySelector('option[value=""]') : null;
        if (!empty) continue;
        const hint = (derived[row.id] || {})[name];
        empty.textContent = hint || this.data.text.empty_choice;
      }
    }
  }

  receiveData(data) {
    const key = `kernbrief:${data.brief}:${data.part}`;
    const earlier = LIVE.get(key);
    // Only one that has left the page: Streamlit can mount the new one before removing the
    // old, and an editor still on screen must go on saving and saying so.
    if (earlier && earlier !== this && earlier.unmounted) earlier.retire();
    LIVE.set(key, this);
    const shape = canonical([
      data.kind,
      data.label,
      data.label_hidden,
      data.options,
      data.columns,
      data.layout,
      data.readonly,
      data.height,
    ]);
    const first = this.data === null;
    const local = first ? null : this.current();
    this.data = data;
    if (shape !== this.shape) {
      // New choices or columns (a colleague renamed an objective, the user just did): the
      // form is built anew, with what is typed here and the cursor where it was.
      const place = first ? null : this.focusPlace();
      this.shape = shape;
      this.build();
      if (!first) {
        this.show(local);
        this.restoreFocus(place);
      }
    }
    if (first) {
      this.accept(data.value, data.version);
      const newest = NEWEST.get(key);
      if (newest && newest.version > data.version && !data.readonly) {
        this.accept(newest.value, newest.version);
      }
      this.resetCount = data.reset;
      this.status(data.status);
      this.restoreDraft();
      const refocus = REFOCUS.get(key);
      if (refocus && Date.now() - refocus.at < REFOCUS_MS) {
        REFOCUS.delete(key);
        requestAnimationFrame(() => this.restoreFocus(refocus.place));
      }
      return;
    }
    if (data.reset !== this.resetCount) {
      // The user restored a version or chose theirs: show it, whatever was typed here.
      this.resetCount = data.reset;
      this.clearConflict();
      this.accept(data.value, data.version);
      this.status(data.status);
      this.clearDraft();
      return;
    }
    if (data.version > this.version && !this.inFlight && !this.isDirty() && !this.conflict) {
      this.accept(data.value, data.version);
      this.status(data.status);
      return;
    }
    if (data.version === this.version && !this.isDirty() && !this.inFlight && !this.problem) {
      this.status(data.status);
    }
  }

  accept(value, version) {
    this.version = version;
    this.serverValue = value;
    this.show(value);
    this.localSaved = this.current();
    this.problem = null;
    this.error(null);
    this.counter();
  }

  // ----- building the form ------------------------------------------------------------
  build() {
    const d = this.data;
    // Only our own box is replaced: the root also holds the stylesheet Streamlit put there.
    if (this.box) this.box.remove();
    const box = element("div", { class: `kb-editor kb-${d.kind}` });
    this.box = box;
    if (d.kind === "multi") {
      const fieldset = element("fieldset", { class: "kb-checks" });
      const legend = element("legend", { class: d.label_hidden ? "kb-hidden" : "kb-label" }, d.label);
      fieldset.append(legend);
      this.checks = fieldset;
      box.append(fieldset);
    } else if (d.kind === "rows") {
      box.append(element("div", { class: "kb-hidden", id: "kb-title" }, d.label));
      this.table = element("div", {
        class: `kb-rows kb-layout-${d.layout}`,
        role: "group",
        "aria-labelledby": "kb-title",
      });
      this.rowsBox = element("div", { class: "kb-rows-body" });
      if (d.layout !== "list") {
        // The columns share the width by their weight, so that none is pushed out of view;
        // a date, an amount, a number or a choice keeps the least room it needs to be read.
        const tracks = (columns) =>
          columns.map((column) => `minmax(${MIN_WIDTHS[column.kind] || "0"}, ${column.weight}fr)`);
        const tools = d.readonly ? "0" : "var(--kb-tools-width)";
        const main = tracks(d.columns.filter((column) => !column.detail));
        const details = tracks(d.columns.filter((column) => column.detail));
        if (details.length) {
          // The row's buttons close its second line, so the first has all the width.
          this.table.style.setProperty("--kb-template", ["var(--kb-number-width)", ...main].join(" "));
          this.table.style.setProperty("--kb-details-template", [...details, tools].join(" "));
        } else {
          this.table.style.setProperty("--kb-template", ["var(--kb-number-width)", ...main, tools].join(" "));
        }
        this.table.append(this.headerRow());
      }
      this.table.append(this.rowsBox);
      box.append(this.table);
      if (!d.readonly) {
        const add = element("button", { type: "button", class: "kb-add" }, d.text.add_row);
        add.addEventListener("click", () => this.addRow(this.rows.length, true));
        box.append(add);
      }
    } else {
      box.append(
        element("label", { for: "kb-field", class: d.label_hidden ? "kb-hidden" : "kb-label" }, d.label),
      );
      let field;
      if (d.kind === "choice") {
        field = element("select", { id: "kb-field" });
        field.append(element("option", { value: "" }, d.text.empty_choice));
        for (const [value, label] of d.options) field.append(element("option", { value }, label));
        field.addEventListener("change", () => this.edited(CHOICE_PAUSE_MS));
      } else if (d.kind === "long_text") {
        field = element("textarea", { id: "kb-field", rows: 3 });
        field.style.minHeight = `${d.height || 100}px`;
        field.addEventListener("input", () => {
          this.grow();
          this.edited(PAUSE_MS);
        });
      } else {
        field = element("input", { id: "kb-field", type: "text", autocomplete: "off" });
        field.addEventListener("input", () => this.edited(PAUSE_MS));
        field.addEventListener("keydown", (event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            this.flush("enter");
          }
        });
      }
      field.setAttribute("aria-describedby", "kb-status kb-error kb-count");
      if (d.readonly) field.disabled = true;
      this.field = field;
      box.append(field);
    }
    const foot = element("div", { class: "kb-foot" });
    this.statusLine = element("span", { class: "kb-status", id: "kb-status", role: "status" });
    this.countLine = element("span", { class: "kb-count", id: "kb-count" });
    this.retryButton = element("button", { type: "button", class: "kb-retry", hidden: true }, d.text.retry);
    this.retryButton.addEventListener("click", () => this.flush("retry"));
    foot.append(this.statusLine, this.countLine, this.retryButton);
    this.errorLine = element("p", { class: "kb-error", id: "kb-error", role: "alert" });
    this.conflictBox = element("div", { class: "kb-conflict", hidden: true });
    box.append(foot, this.errorLine, this.conflictBox);
    // A click or a tap puts the caret where it points; only the keyboard selects a cell's text.
    // (Mouse events: a tap focuses at its mousedown, after the touch has ended.)
    box.addEventListener("mousedown", (event) => {
      this.pointed = event.target;
    });
    for (const done of ["mouseup", "focusin"]) {
      box.addEventListener(done, () => {
        this.pointed = null;
      });
    }
    box.addEventListener("focusout", (event) => {
      if (!box.contains(event.relatedTarget)) this.flush("blur");
    });
    this.root.append(box);
    if (this.resizes) this.resizes.disconnect();
    if (!SIZES_ITSELF && d.kind === "rows" && typeof ResizeObserver !== "undefined") {
      // A narrower or wider table wraps its text cells anew.
      this.resizes = new ResizeObserver(() => this.growCells());
      this.resizes.observe(box);
    }
  }

  headerRow() {
    // For the eye only: each cell's field carries its own label for screen readers.
    const header = element("div", { class: "kb-row kb-head", "aria-hidden": "true" });
    header.append(element("span", { class: "kb-number" }, "#"));
    for (const column of this.data.columns) {
      // A narrow header wraps between words, never inside a range such as "(1–5)".
      const label = column.label.replace(/(\d)([–-])(\d)/g, "$1$2\u2060$3");
      if (!column.detail) header.append(element("span", { class: "kb-cell" }, label));
    }
    if (!this.data.columns.some((column) => column.detail)) {
      header.append(element("span", { class: "kb-tools" }));
    }
    return header;
  }

  growCells() {
    if (SIZES_ITSELF || !this.rowsBox) return;
    for (const cell of this.rowsBox.querySelectorAll("textarea")) growCell(cell);
  }

  grow() {
    if (this.data.kind !== "long_text" || !this.field) return;
    this.field.style.height = "auto";
    this.field.style.height = `${Math.min(this.field.scrollHeight + 4, 480)}px`;
  }

  // ----- reading and showing the value -------------------------------------------------
  current() {
    const d = this.data;
    if (!d) return null;
    if (d.kind === "rows") return this.rows.map((row) => this.readRow(row));
    if (d.kind === "multi") {
      return Array.from(this.checks.querySelectorAll("input:checked"), (box) => box.value);
    }
    if (d.kind === "choice") return this.field.value || null;
    return this.field.value;
  }

  show(value) {
    const d = this.data;
    if (d.kind === "rows") {
      this.rowsBox.replaceChildren();
      this.rows = [];
      for (const row of Array.isArray(value) ? value : []) this.appendRow(row);
      this.renumber();
      return;
    }
    if (d.kind === "multi") {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      this.checks.querySelectorAll("label").forEach((label) => label.remove());
      const known = new Set(d.options.map(([option]) => option));
      const options = [...d.options, ...chosen.filter((v) => !known.has(v)).map((v) => [v, d.text.missing_link])];
      for (const [option, label] of options) {
        const wrap = element("label", { class: "kb-check" });
        const box = element("input", { type: "checkbox", value: option });
        box.checked = chosen.includes(option);
        box.disabled = Boolean(d.readonly);
        box.addEventListener("change", () => this.edited(CHOICE_PAUSE_MS));
        wrap.append(box, document.createTextNode(" " + label));
        this.checks.append(wrap);
      }
      return;
    }
    const text = value === null || value === undefined ? "" : String(value);
    if (this.field.value !== text) this.field.value = text;
    this.grow();
  }

  showKeepingFocus(value) {
    const place = this.focusPlace();
    this.show(value);
    this.restoreFocus(place);
  }

  // Where the keyboard focus is in this editor: a table's row and column, or its one field,
  // with the caret. Null when the focus is elsewhere.
  focusPlace() {
    const active = "activeElement" in this.root ? this.root.activeElement : null;
    if (!active || !this.box || !this.box.contains(active)) return null;
    let caret = null;
    try {
      caret = typeof active.selectionStart === "number" ? active.selectionStart : null;
    } catch {
      caret = null; // Inputs without a text caret (numbers, dates) throw when asked.
    }
    if (this.data.kind === "rows") {
      const row = this.rows.find((r) => Object.values(r.inputs).includes(active));
      return row ? { row: row.id, column: Number(active.dataset.column), caret } : null;
    }
    if (this.data.kind === "multi") {
      return active.type === "checkbox" ? { check: active.value, caret: null } : null;
    }
    return active === this.field ? { field: true, caret } : null;
  }

  restoreFocus(place) {
    if (!place) return;
    let target = null;
    if (place.check !== undefined) {
      const box = [...this.checks.querySelectorAll("input")].find((i) => i.value === place.check);
      if (box) box.focus();
      return;
    }
    if (place.row !== undefined) {
      const row = this.rows.find((r) => r.id === place.row);
      if (!row) return;
      target = this.focusCell(row, place.column);
    } else if (this.field) {
      this.place(this.field);
      target = this.field;
    }
    if (target && place.caret !== null) {
      try {
        target.setSelectionRange(place.caret, place.caret);
      } catch {
        // A select or a date field has no caret to put back.
      }
    }
  }

  // ----- rows ---------------------------------------------------------------------------
  appendRow(values, at = null) {
    const d = this.data;
    const row = { id: values && values.id ? String(values.id) : newRowId(), inputs: {} };
    const line = element("div", { class: "kb-row", role: "group" });
    row.line = line;
    const number = element("span", { class: "kb-number", "aria-hidden": "true" });
    row.number = number;
    line.append(number);
    // Columns that do not fit beside the others go on a line of their own under the row, in
    // the same order, so that Tab goes through the row as the eye reads it.
    const details = d.columns.some((column) => column.detail)
      ? element("div", { class: "kb-details" })
      : null;
    d.columns.forEach((column, index) => {
      const wide = column.kind === "long" || column.weight >= 1.5;
      const cell = element("div", { class: wide ? "kb-cell kb-wide" : "kb-cell" });
      // A column's cells show their label where the column has no header: under the row, and
      // in the cards a narrow screen shows. Screen readers get it with the row from aria-label.
      const label = element(
        "label",
        { class: column.detail ? "kb-cell-label" : "kb-cell-label kb-card-label" },
        column.label,
      );
      const input = this.cellInput(column, values ? values[column.name] : undefined);
      const id = `kb-${row.id}-${column.name}`;
      input.id = id;
      label.setAttribute("for", id);
      input.dataset.column = String(index);
      if (d.readonly) input.disabled = true;
      cell.append(label, input);
      (column.detail ? details : line).append(cell);
      row.inputs[column.name] = input;
    });
    const tools = element("span", { class: "kb-tools" });
    if (!d.readonly) {
      row.up = element("button", { type: "button", class: "kb-tool" }, "↑");
      row.down = element("button", { type: "button", class: "kb-tool" }, "↓");
      row.remove = element("button", { type: "button", class: "kb-tool kb-remove" }, "✕");
      row.up.addEventListener("click", () => this.moveRow(row, -1));
      row.down.addEventListener("click", () => this.moveRow(row, 1));
      row.remove.addEventListener("click", () => this.removeRow(row));
      tools.append(row.up, row.down, row.remove);
    }
    if (details) {
      details.append(tools);
      line.append(details);
    } else {
      line.append(tools);
    }
    const position = at === null ? this.rows.length : at;
    const before = this.rows[position];
    this.rows.splice(position, 0, row);
    if (before) this.rowsBox.insertBefore(line, before.line);
    else this.rowsBox.append(line);
    if (!SIZES_ITSELF) for (const cell of line.querySelectorAll("textarea")) growCell(cell);
    return row;
  }

  cellInput(column, value) {
    const d = this.data;
    let input;
    if (column.kind === "select") {
      input = element("select");
      input.append(element("option", { value: "" }, d.text.empty_choice));
      const options = [...column.options];
      if (value !== null && value !== undefined && value !== "" && !options.some(([v]) => v === String(value))) {
        options.push([String(value), d.text.missing_link]);
      }
      for (const [option, label] of options) input.append(element("option", { value: option }, label));
      input.value = value === null || value === undefined ? "" : String(value);
      if (value === undefined && column.default !== null && column.default !== undefined) {
        input.value = String(column.default);
      }
      input.addEventListener("change", () => this.edited(CHOICE_PAUSE_MS));
    } else if (column.kind === "long") {
      input = element("textarea", { rows: 2, class: "kb-long" });
      input.value = value === null || value === undefined ? "" : String(value);
      input.addEventListener("input", () => {
        growCell(input);
        this.edited(PAUSE_MS);
      });
    } else if (column.kind === "date") {
      input = element("input", { type: "date" });
      input.value = value ? String(value).slice(0, 10) : "";
      input.addEventListener("change", () => this.edited(CHOICE_PAUSE_MS));
      input.addEventListener("input", () => this.edited(PAUSE_MS));
    } else if (["int", "number", "money"].includes(column.kind)) {
      input = element("input", {
        type: "text",
        inputmode: column.kind === "int" ? "numeric" : "decimal",
        autocomplete: "off",
      });
      input.value = formatNumber(value, column, d.locale);
      input.addEventListener("input", () => this.edited(PAUSE_MS));
    } else {
      // A line of text, in a field that wraps and grows rather than cutting the text off.
      input = element("textarea", { rows: 1, class: "kb-short", autocomplete: "off" });
      input.value = value === null || value === undefined ? "" : String(value);
      input.addEventListener("input", () => {
        oneLine(input);
        growCell(input);
        this.edited(PAUSE_MS);
      });
      // Tab into it selects its text, as in a one-line field: what is typed then replaces it.
      input.addEventListener("focus", () => {
        if (!this.placing && this.pointed !== input) input.select();
      });
    }
    input.addEventListener("keydown", (event) => this.rowKey(event, input));
    return input;
  }

  rowKey(event, input) {
    if (event.key !== "Enter" || event.shiftKey || event.altKey) return;
    // In a long text Enter starts a new line; a line of text has none to start.
    if (input.classList.contains("kb-long") && !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    // Enter goes down a row, as in a spreadsheet; below the last row it opens a new one.
    const index = this.rows.findIndex((row) => Object.values(row.inputs).includes(input));
    const column = Number(input.dataset.column);
    if (index < this.rows.length - 1) {
      this.focusCell(this.rows[index + 1], column);
    } else if (!this.isBlankRow(this.readRow(this.rows[index]))) {
      this.addRow(this.rows.length, false);
      this.focusCell(this.rows[this.rows.length - 1], 0);
    }
    this.edited(PAUSE_MS);
  }

  focusCell(row, column) {
    const name = this.data.columns[Math.min(column, this.data.columns.length - 1)].name;
    this.place(row.inputs[name]);
    return row.inputs[name];
  }

  place(target) {
    // The editor moves the focus itself (Enter, a moved or removed row, a redraw): the caret
    // goes where the editor puts it, not over the whole text as after Tab.
    this.placing = true;
    try {
      target.focus();
    } finally {
      this.placing = false;
    }
  }

  addRow(position, focus) {
    const row = this.appendRow(null, position);
    this.renumber();
    if (focus) this.focusCell(row, 0);
    // An empty row is a place to type, not content: nothing is saved until it holds text.
  }

  moveRow(row, step) {
    const index = this.rows.indexOf(row);
    const target = index + step;
    if (target < 0 || target >= this.rows.length) return;
    this.rows.splice(index, 1);
    this.rows.splice(target, 0, row);
    const next = this.rows[target + 1];
    if (next) this.rowsBox.insertBefore(row.line, next.line);
    else this.rowsBox.append(row.line);
    this.renumber();
    const same = step < 0 ? row.up : row.down;
    const other = step < 0 ? row.down : row.up;
    this.place(!same.disabled ? same : !other.disabled ? other : row.inputs[this.data.columns[0].name]);
    this.edited(CHOICE_PAUSE_MS);
  }

  removeRow(row) {
    const index = this.rows.indexOf(row);
    this.rows.splice(index, 1);
    row.line.remove();
    this.renumber();
    // Focus goes to the first cell of the row that took its place, not to another delete
    // button: pressing Enter twice must not remove two rows.
    const neighbour = this.rows[Math.min(index, this.rows.length - 1)];
    if (neighbour) this.focusCell(neighbour, 0);
    else this.box.querySelector(".kb-add")?.focus();
    this.edited(CHOICE_PAUSE_MS);
  }

  renumber() {
    const t = this.text;
    this.rows.forEach((row, index) => {
      const n = index + 1;
      const name = fill(t.row, { n });
      // A table shows the number, a card its name ("Actie 3"); the stylesheet picks one.
      row.number.replaceChildren(
        element("span", { class: "kb-n" }, String(n)),
        element("span", { class: "kb-n-name" }, name.charAt(0).toUpperCase() + name.slice(1)),
      );
      row.line.setAttribute("aria-label", fill(t.row, { n }));
      for (const column of this.data.columns) {
        const input = row.inputs[column.name];
        input.setAttribute("aria-label", `${column.label}, ${fill(t.row, { n })}`);
      }
      if (row.up) {
        row.up.setAttribute("aria-label", fill(t.move_up, { n }));
        row.down.setAttribute("aria-label", fill(t.move_down, { n }));
        row.remove.setAttribute("aria-label", fill(t.remove_row, { n }));
        row.up.disabled = index === 0;
        row.down.disabled = index === this.rows.length - 1;
      }
    });
  }

  readRow(row, problems = null) {
    // A cell that cannot be stored is left out (sent empty) and reported in ``problems``,
    // so that one wrong cell never keeps the rest of the table from being saved.
    const values = { id: row.id };
    for (const column of this.data.columns) {
      const input = row.inputs[column.name];
      const raw = input.value;
      let value = raw;
      let problem = null;
      if (column.kind === "select") value = raw === "" ? null : raw;
      else if (column.kind === "date") {
        value = raw === "" ? null : raw;
        const year = value ? Number(value.slice(0, 4)) : null;
        if (year !== null && (year < 1900 || year > 2100)) problem = this.text.bad_date;
      } else if (["int", "number", "money"].includes(column.kind)) {
        const number = parseNumber(raw, this.data.locale);
        value = null;
        if (number === AMBIGUOUS) problem = this.text.ambiguous;
        else if (Number.isNaN(number)) problem = this.text[`bad_${column.kind}`];
        else if (number !== null) {
          const decimals = (number.split(".")[1] || "").length;
          if (column.kind === "int" && decimals) problem = this.text.bad_int;
          else if (column.kind === "money" && decimals > 2) problem = this.text.bad_cents;
          else if (column.kind === "money" && Number(number) < 0)
            problem = fill(this.text.too_low, { limit: "0" });
          else if (column.min !== null && column.min !== undefined && Number(number) < column.min)
            problem = fill(this.text.too_low, { limit: column.min });
          else if (column.max !== null && column.max !== undefined && Number(number) > column.max)
            problem = fill(this.text.too_high, { limit: column.max });
          else if (column.kind === "money") value = Number(number).toFixed(2);
          else value = Number(number);
        }
      }
      if (problem) {
        // Left out, not emptied: the cell keeps what is stored until its text is right.
        value = this.storedCell(row.id, column.name);
        if (problems) {
          const where = fill(this.text.where, {
            row: this.rows.indexOf(row) + 1,
            column: column.label,
            problem,
          });
          problems.push(where);
        }
      }
      input.setAttribute("aria-invalid", problem ? "true" : "false");
      if (problem) input.setAttribute("aria-describedby", "kb-error");
      else input.removeAttribute("aria-describedby");
      values[column.name] = value;
    }
    return values;
  }

  storedCell(rowId, name) {
    const stored = Array.isArray(this.serverValue) ? this.serverValue : [];
    const row = stored.find((r) => String(r.id) === rowId);
    return row && row[name] !== undefined ? row[name] : null;
  }

  invalidTexts() {
    // What is typed in the cells that cannot be stored yet, to keep it in the tab's copy.
    const found = {};
    for (const row of this.rows || []) {
      for (const column of this.data.columns) {
        const input = row.inputs[column.name];
        if (input.getAttribute("aria-invalid") === "true") {
          found[row.id] = { ...(found[row.id] || {}), [column.name]: input.value };
        }
      }
    }
    return found;
  }

  cellProblems() {
    if (!this.data || this.data.kind !== "rows") return [];
    const problems = [];
    for (const row of this.rows) this.readRow(row, problems);
    return problems;
  }

  isBlankRow(values) {
    return this.data.columns.every((column) => {
      const value = values[column.name];
      if (value === null || value === undefined) return true;
      if (typeof value === "string" && value.trim() === "") return true;
      return column.default !== null && column.default !== undefined && value === column.default;
    });
  }

  outgoing(value) {
    // Blank rows stay on screen to type in, but are never sent.
    if (this.data.kind !== "rows") return value;
    return (Array.isArray(value) ? value : []).filter((row) => !this.isBlankRow(row));
  }

  // ----- saving -------------------------------------------------------------------------
  isDirty() {
    if (!this.data) return false;
    return !same(this.outgoing(this.current()), this.outgoing(this.localSaved));
  }

  edited(delay) {
    if (this.data.readonly) return;
    this.counter();
    this.saveDraft();
    this.showCellProblems();
    clearTimeout(this.timer);
    if (this.conflict) {
      this.status(this.text.conflict_waiting);
      return;
    }
    if (!this.isDirty()) {
      if (!this.inFlight && !this.problem) this.status(this.data.status);
      return;
    }
    this.status(this.text.not_saved);
    this.timer = setTimeout(() => this.flush("pause"), delay);
  }

  showCellProblems() {
    const problems = this.cellProblems();
    this.localProblems = problems.length;
    if (problems.length) this.error(fill(this.text.cells_not_saved, { problems: problems.join("; ") }));
    else if (!this.problem) this.error(null);
  }

  tooLong(value) {
    const limit = this.data.max_length;
    return typeof value === "string" && limit && value.length > limit;
  }

  counter() {
    if (!this.countLine) return;
    const value = this.current();
    const limit = this.data.max_length;
    if (typeof value !== "string" || !limit || value.length < limit * 0.9) {
      this.countLine.textContent = "";
      return;
    }
    this.countLine.textContent = fill(this.text.count, {
      count: value.length.toLocaleString(this.data.locale),
      limit: limit.toLocaleString(this.data.locale),
    });
  }

  flush(reason) {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.data || this.data.readonly) return;
    if (this.conflict && reason !== "keep") return;
    if (!this.isDirty()) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const value = this.current();
    if (this.tooLong(value)) {
      this.error(
        fill(this.text.too_long, {
          count: value.length.toLocaleString(this.data.locale),
          limit: this.data.max_length.toLocaleString(this.data.locale),
        }),
      );
      this.status(this.text.not_saved);
      return;
    }
    const d = this.data;
    const body = JSON.stringify({
      brief: d.brief,
      part: d.part,
      base: this.version,
      token: d.token,
      lang: d.lang,
      value: this.outgoing(value),
    });
    const leaving = reason === "hidden" || reason === "unmount";
    this.inFlight = { value, reason };
    this.status(this.text.saving);
    clearTimeout(this.retryTimer);
    fetch(d.api, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      keepalive: leaving && body.length < KEEPALIVE_LIMIT,
      body,
    })
      .then((response) =>
        response
          .json()
          .catch(() => ({ status: response.status === 413 ? "too_large" : "offline" })),
      )
      .catch(() => ({ status: "offline" }))
      .then((answer) => this.answered(answer, value, reason));
  }

  answered(answer, value, reason) {
    this.inFlight = null;
    const t = this.text;
    const status = answer && answer.status;
    if (status === "saved") {
      this.remember(answer);
      if (this.retired) {
        // A newer editor shows this part now: tell it what was stored.
        const live = LIVE.get(this.draftKey());
        if (live && live !== this) live.adopt(answer, value);
      }
      this.version = answer.version;
      this.serverValue = answer.value;
      this.localSaved = value;
      if (!same(answer.value, this.outgoing(value)) && same(this.current(), value)) {
        // The server stored something else than was sent: a merge with a colleague's rows,
        // or characters no database can hold. Show what is stored.
        this.showKeepingFocus(answer.value);
        this.localSaved = this.current();
      }
      this.problem = null;
      this.retryDelay = RETRY_FIRST_MS;
      this.retryButton.hidden = true;
      this.error(null);
      this.showCellProblems();
      if (this.isDirty()) {
        this.saveDraft();
        this.status(t.not_saved);
        this.timer = setTimeout(() => this.flush("pause"), PAUSE_MS);
      } else {
        this.saveDraft();
        this.status(answer.message);
        this.refreshPage(reason);
      }
    } else if (status === "conflict") {
      this.problem = "conflict";
      this.showConflict(answer);
    } else if (status === "invalid") {
      this.problem = "invalid";
      this.error(answer.message);
      this.status(t.not_saved);
    } else if (status === "too_large") {
      this.problem = "invalid";
      this.error(t.too_large);
      this.status(t.not_saved);
    } else {
      // Database down, server restarting, network gone or logged out: keep the text, say
      // so, and try again by itself (a login that ended needs the user first).
      this.problem = "unreachable";
      this.error(answer && answer.message ? answer.message : t.offline);
      this.status(t.not_saved);
      this.retryButton.hidden = false;
      if (status !== "denied" && !this.retired) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.flush("retry"), this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      }
    }
    if (this.again && status === "saved") {
      this.again = false;
      this.flush("again");
    }
    this.again = false;
    if (this.unmounted && !this.retired && !this.inFlight && this.problem !== "unreachable") {
      this.retire();
    }
  }

  remember(answer) {
    const key = this.draftKey();
    const known = NEWEST.get(key);
    if (!known || known.version < answer.version) {
      NEWEST.set(key, { version: answer.version, value: answer.value });
    }
  }

  adopt(answer, sent) {
    // An older editor of this part saved `sent` late: take it as the base to save on, and
    // keep whatever was typed here since.
    if (answer.version <= this.version || this.conflict || this.unmounted) return;
    this.version = answer.version;
    this.serverValue = answer.value;
    if (same(this.outgoing(this.current()), this.outgoing(sent)) || !this.isDirty()) {
      this.showKeepingFocus(answer.value);
      this.localSaved = this.current();
    } else {
      this.localSaved = sent;
    }
    this.problem = null;
    this.error(null);
    this.saveDraft();
    if (this.isDirty()) {
      this.status(this.text.not_saved);
      if (!this.inFlight) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush("pause"), PAUSE_MS);
      }
    } else {
      this.status(answer.message);
    }
  }

  refreshPage(reason) {
    // Ask Streamlit to redraw the checks and charts, but only while the user is still here:
    // a rerun sent during a page change would carry the old page and bring them back.
    // A pause in typing, or the field left (a removed row's button takes the focus along).
    if (this.unmounted || !this.trigger || !this.data.refresh) return;
    if (!["pause", "blur"].includes(reason) || document.visibilityState !== "visible") return;
    // Still here, unless the focus went to a link: a click on another page's link moves the
    // focus there before the save returns, and a rerun sent then would carry the old page and
    // bring it back. Anywhere else (this part, another part's field, empty page space, nothing)
    // the user stays on this page and the parts that show this one must follow. The focused
    // element is looked up through the shadow roots the components live in.
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) {
      active = active.shadowRoot.activeElement;
    }
    if (active && active.closest && active.closest("a[href], [data-testid='stSidebarNav']")) return;
    const spot = this.data.rerun_page ? this.focusPlace() : null;
    if (spot) REFOCUS.set(this.draftKey(), { place: spot, at: Date.now() });
    this.trigger("saved", this.version);
  }

  backFromAway() {
    // Back after a while (another tab, a closed laptop): show what others saved meanwhile.
    const away = this.hiddenAt !== null && Date.now() - this.hiddenAt > AWAY_REFRESH_MS;
    this.hiddenAt = null;
    if (!away || this.unmounted || !this.trigger || this.isDirty()) return;
    const last = window.__kernbriefRefreshedAt || 0;
    if (Date.now() - last < 5000) return;
    window.__kernbriefRefreshedAt = Date.now();
    this.trigger("refresh", Date.now());
  }

  hasUnsavable() {
    if (!this.data || this.data.readonly) return false;
    return Boolean(this.conflict || this.localProblems || (this.problem && this.isDirty()));
  }

  // ----- a draft in this tab, so a reload or a reconnect loses nothing -------------------
  draftKey() {
    return `kernbrief:${this.data.brief}:${this.data.part}`;
  }

  saveDraft() {
    try {
      const raw = this.data.kind === "rows" ? this.invalidTexts() : {};
      if (this.isDirty() || Object.keys(raw).length) {
        sessionStorage.setItem(
          this.draftKey(),
          JSON.stringify({ base: this.version, value: this.current(), raw }),
        );
      } else {
        sessionStorage.removeItem(this.draftKey());
      }
    } catch (ignored) {
      // Storage full or disabled: the save itself still goes out.
    }
  }

  clearDraft() {
    try {
      sessionStorage.removeItem(this.draftKey());
    } catch (ignored) {
      // Nothing to clear.
    }
  }

  restoreDraft() {
    let draft = null;
    try {
      draft = JSON.parse(sessionStorage.getItem(this.draftKey()) || "null");
    } catch (ignored) {
      draft = null;
    }
    if (!draft || this.data.readonly || draft.base !== this.version) {
      if (draft) this.clearDraft();
      return;
    }
    const raw = draft.raw || {};
    if (same(draft.value, this.localSaved) && !Object.keys(raw).length) {
      this.clearDraft();
      return;
    }
    this.show(draft.value);
    for (const row of this.rows || []) {
      for (const [name, text] of Object.entries(raw[row.id] || {})) {
        if (row.inputs[name]) row.inputs[name].value = text;
      }
    }
    this.growCells();
    this.counter();
    this.showCellProblems();
    this.status(this.text.not_saved);
    this.flush("draft");
  }

  // ----- what the user sees beside the field --------------------------------------------
  status(text) {
    if (this.statusLine) this.statusLine.textContent = text || "";
  }

  error(text) {
    if (!this.errorLine) return;
    this.errorLine.textContent = text || "";
    this.errorLine.hidden = !text;
    if (!text) this.retryButton.hidden = true;
  }

  showConflict(answer) {
    const t = this.text;
    this.conflict = { value: answer.theirs, version: answer.version };
    this.status(t.conflict_waiting);
    this.error(null);
    const box = this.conflictBox;
    box.replaceChildren();
    box.append(element("p", { class: "kb-conflict-message", role: "alert" }, answer.message));
    box.append(element("p", { class: "kb-label" }, t.theirs));
    box.append(this.renderReadonly(answer.theirs));
    const keep = element("button", { type: "button" }, t.keep_mine);
    const take = element("button", { type: "button" }, t.take_theirs);
    // Settle the state before the buttons leave the page: removing the focused button makes
    // the browser report a focus change, and that must find nothing left to save.
    keep.addEventListener("click", () => {
      this.version = this.conflict.version;
      this.conflict = null;
      this.problem = null;
      this.flush("keep");
      this.clearConflict();
      this.focusFirst();
    });
    take.addEventListener("click", () => {
      const { value, version } = this.conflict;
      this.conflict = null;
      this.accept(value, version);
      this.clearDraft();
      this.status(t.took_theirs);
      this.clearConflict();
      this.focusFirst();
    });
    const buttons = element("div", { class: "kb-conflict-buttons" });
    buttons.append(keep, take);
    box.append(buttons);
    box.hidden = false;
  }

  focusFirst() {
    const first = this.box.querySelector("input, textarea, select");
    if (first) first.focus();
  }

  clearConflict() {
    this.conflict = null;
    this.problem = null;
    this.conflictBox.hidden = true;
    this.conflictBox.replaceChildren();
  }

  renderReadonly(value) {
    const d = this.data;
    if (d.kind === "rows") {
      const table = element("table", { class: "kb-theirs" });
      const head = element("tr");
      for (const column of d.columns) head.append(element("th", { scope: "col" }, column.label));
      table.append(head);
      for (const row of Array.isArray(value) ? value : []) {
        const line = element("tr");
        for (const column of d.columns) {
          line.append(element("td", {}, this.cellText(column, row[column.name])));
        }
        table.append(line);
      }
      return table;
    }
    const labels = new Map(d.options || []);
    let text;
    if (Array.isArray(value)) text = value.map((v) => labels.get(v) || d.text.missing_link).join(", ");
    else if (d.kind === "choice") text = value ? labels.get(value) || value : d.text.empty_choice;
    else text = value || d.text.empty_choice;
    return element("div", { class: "kb-theirs" }, text);
  }

  cellText(column, value) {
    if (value === null || value === undefined || value === "") return "";
    if (column.kind === "select") {
      const found = column.options.find(([option]) => option === String(value));
      return found ? found[1] : this.text.missing_link;
    }
    if (["int", "number", "money"].includes(column.kind)) return formatNumber(value, column, this.data.locale);
    return String(value);
  }

  unmount() {
    this.flush("unmount");
    this.unmounted = true;
    if (this.resizes) this.resizes.disconnect();
    clearTimeout(this.timer);
    document.removeEventListener("visibilitychange", this.onVisibility);
    window.removeEventListener("pagehide", this.onPageHide);
    // A save waiting for the database, or still on its way, keeps trying after the user
    // moved to another step, until it lands or the part is shown again and its new editor
    // takes over from the tab's copy.
    const replaced = LIVE.get(this.draftKey()) !== this;
    if (replaced || (this.problem !== "unreachable" && !this.inFlight)) this.retire();
  }

  retire() {
    this.retired = true;
    clearTimeout(this.retryTimer);
    window.removeEventListener("beforeunload", this.onBeforeUnload);
  }
}
