// Tale storybook reader: the toolbar, the Pages and Settings panels, and the settings themselves
// (text size, contrast, easier letters, colours, reading speed and voice, turning pages while
// reading, still pictures), kept in the book's saved progress.
(function () {
  "use strict";
  var reader = window.TaleReader;
  if (!reader) return;
  var doc = reader.doc, root = reader.root, ui = reader.ui, $ = reader.$;
  // The toolbar: the page keeps room for it (its height, which includes the safe-area inset), and on
  // phones the rarely used controls sit in a "More" menu so it stays one row.
  var toolbar = $(".toolbar"), more = $(".more");
  function reserveToolbar() { root.style.setProperty("--toolbar-height", toolbar.offsetHeight + "px"); }
  if (window.ResizeObserver) new window.ResizeObserver(reserveToolbar).observe(toolbar);
  function setMenu(open) { more.setAttribute("aria-expanded", String(open)); }
  more.addEventListener("click", function () { setMenu(more.getAttribute("aria-expanded") !== "true"); });
  $(".more-menu").addEventListener("click", function (event) { if (event.target.closest("button")) setMenu(false); });

  // Panels and settings.
  function closePanels() {
    setMenu(false);
    [].forEach.call(ui.querySelectorAll(".toggle"), function (toggle) {
      toggle.setAttribute("aria-expanded", "false");
      doc.getElementById(toggle.getAttribute("aria-controls")).hidden = true;
    });
  }
  [].forEach.call(ui.querySelectorAll(".toggle"), function (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      closePanels();
      toggle.setAttribute("aria-expanded", String(open));
      var panel = doc.getElementById(toggle.getAttribute("aria-controls"));
      panel.hidden = !open;
      if (open) { var control = panel.querySelector("a, button, input, select"); if (control) control.focus(); }
    });
  });
  function applySettings() {
    var s = reader.state.settings;
    root.style.setProperty("--text-scale", String(s.scale || 1));
    root.classList.toggle("contrast", !!s.contrast);
    root.classList.toggle("dyslexia", !!s.dyslexia);
    root.classList.toggle("theme-light", s.theme === "light");
    root.classList.toggle("theme-dark", s.theme === "dark");
    root.classList.toggle("effects-off", !!s.effectsOff);
    [].forEach.call(ui.querySelectorAll("[data-setting]"), function (control) {
      var name = control.dataset.setting;
      if (control.type === "checkbox") control.checked = !!s[name];
      else if (control.tagName === "SELECT" && s[name] !== undefined) control.value = String(s[name]);
    });
  }
  reader.applySettings = applySettings;
  reserveToolbar();
  applySettings();
  ui.addEventListener("click", function (event) {
    var link = event.target.closest("#contents a[href^='#']");
    if (link) {
      event.preventDefault();
      closePanels();
      reader.goTo(link.hash.slice(1));
    }
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !(event.altKey || event.ctrlKey || event.metaKey)) closePanels();
  });
  ui.addEventListener("change", function (event) {
    var name = event.target.dataset.setting;
    if (!name) return;
    reader.state.settings[name] = event.target.type === "checkbox" ? event.target.checked : event.target.value;
    reader.save();
    applySettings();
    reader.tell("settings", reader.state.settings);
  });
  ui.addEventListener("click", function (event) {
    var name = event.target.dataset && event.target.dataset.setting;
    if (name !== "smaller" && name !== "larger") return;
    var scale = (reader.state.settings.scale || 1) + (name === "larger" ? 0.15 : -0.15);
    reader.state.settings.scale = Math.round(Math.min(2, Math.max(0.7, scale)) * 100) / 100;
    reader.save();
    applySettings();
  });
})();
