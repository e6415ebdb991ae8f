// gongjian workbench: small behaviours only; every page works without this file.
(function () {
  "use strict";
  var toggle = document.querySelector(".menu-toggle");
  var side = document.getElementById("side");
  if (toggle && side) {
    toggle.addEventListener("click", function () {
      var open = side.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // A long form (a match run) shows that it is working until the answer arrives.
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var box = form.querySelector(".progress");
      if (!box) { return; }
      box.hidden = false;
      box.querySelector(".progress-text").textContent = form.getAttribute("data-progress");
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    });
  });
  // Print button on the printable agreement.
  document.querySelectorAll(".print-button").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  // The map: a click on a community draws its 15-minute circle.
  var map = document.getElementById("map");
  if (map) {
    var circle = document.getElementById("walk-circle");
    var label = document.getElementById("map-focus");
    var show = function (c) {
      circle.setAttribute("cx", c.getAttribute("cx"));
      circle.setAttribute("cy", c.getAttribute("cy"));
      circle.setAttribute("visibility", "visible");
      if (label) { label.textContent = c.getAttribute("data-name") + "：一刻钟党建服务圈（步行约 15 分钟，约 1.2 公里）"; }
    };
    map.querySelectorAll("circle.community").forEach(function (c) {
      c.addEventListener("click", function () { show(c); });
      c.addEventListener("keydown", function (e) { if (e.key === "Enter") { show(c); } });
    });
    var focus = new URLSearchParams(window.location.search).get("community");
    if (focus) {
      var hit = map.querySelector('circle.community[data-id="' + CSS.escape(focus) + '"]');
      if (hit) { show(hit); }
    }
  }
})();
