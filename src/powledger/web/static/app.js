// powledger: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";

  // A link to a quote (#claim-N or a figure) scrolls to it, marks it as current and moves focus
  // there, so keyboard and screen-reader users land on the highlighted sentence too.
  function showTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    if (el.tagName === "DETAILS") el.open = true;
    var holder = el.closest("details");
    if (holder) holder.open = true;
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    if (el.tagName === "MARK") el.classList.add("current");
    el.scrollIntoView({ block: "center" });
    if (el.tagName === "MARK") el.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", showTarget);
  document.addEventListener("DOMContentLoaded", showTarget);

  // Opening a figure puts its id in the address, so the open figure can be linked and shared.
  document.addEventListener("toggle", function (event) {
    var el = event.target;
    if (el.tagName === "DETAILS" && el.classList.contains("figure") && el.open && el.id) {
      history.replaceState(null, "", "#" + el.id);
    }
  }, true);

  // In the review queue, typing a corrected value selects "Correct to".
  document.addEventListener("input", function (event) {
    var el = event.target;
    if (el.classList && el.classList.contains("value-input") && el.value !== "") {
      var form = el.closest("form");
      var radio = form && form.querySelector('input[name="action"][value="correct"]');
      if (radio) radio.checked = true;
    }
  });
})();
