/* Text size buttons, like the portals' own "Tăng cỡ chữ" / "Giảm cỡ chữ" toolbar.
   Runs in <head>, so a size chosen earlier applies before the page is drawn; the browser
   remembers the choice (localStorage) for every article. Without JavaScript the article
   reads the same, at the browser's own size, and shows no buttons. */
(function () {
  "use strict";
  var KEY = "reportgen.co-chu";
  var STEPS = [90, 100, 110, 125, 140, 160];
  var NORMAL = 1;
  var root = document.documentElement;

  function remembered() {
    try {
      var step = parseInt(window.localStorage.getItem(KEY), 10);
      return step >= 0 && step < STEPS.length ? step : NORMAL;
    } catch (blocked) {
      return NORMAL;  // storage turned off: the buttons still work for this page
    }
  }

  function remember(step) {
    try {
      window.localStorage.setItem(KEY, String(step));
    } catch (blocked) { /* nothing to remember with */ }
  }

  var step = remembered();
  function apply() {
    root.style.fontSize = step === NORMAL ? "" : STEPS[step] + "%";
  }
  apply();

  // The button shows "A−" and is named "A− Giảm cỡ chữ": a name that starts with the visible
  // text lets voice control users say what they see (WCAG 2.5.3), and a screen reader still
  // hears what the button does.
  function button(label, sign, change) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "reader-button";
    b.title = label;
    b.innerHTML = "A<sup>" + sign + '</sup><span class="visually-hidden"> ' + label + "</span>";
    b.addEventListener("click", function () { change(b); });
    return b;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var tools = document.querySelector(".reader-tools");
    if (!tools) { return; }
    var status = document.createElement("output");
    status.className = "reader-size";
    status.setAttribute("aria-live", "polite");
    var smaller, larger;
    function show() {
      status.textContent = STEPS[step] + "%";
      smaller.disabled = step === 0;
      larger.disabled = step === STEPS.length - 1;
    }
    function move(by, pressed) {
      step = Math.min(STEPS.length - 1, Math.max(0, step + by));
      apply();
      remember(step);
      show();
      // A disabled button loses the keyboard focus: hand it to the other one.
      if (pressed.disabled) { (pressed === larger ? smaller : larger).focus(); }
    }
    smaller = button("Giảm cỡ chữ", "\u2212", function (b) { move(-1, b); });
    larger = button("Tăng cỡ chữ", "+", function (b) { move(1, b); });
    tools.append(smaller, status, larger);
    show();
    tools.hidden = false;
  });
}());
