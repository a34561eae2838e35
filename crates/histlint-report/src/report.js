(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var articles = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var segments = Array.prototype.slice.call(document.querySelectorAll("a.segment"));
  var shown = document.getElementById("shown");
  function wanted() {
    var w = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
      if (s.value !== "") { w[s.name] = s.value; }
    });
    return w;
  }
  function matches(el, w, keys) {
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (w[k] !== undefined && el.getAttribute("data-" + k) !== w[k]) { return false; }
    }
    return true;
  }
  function apply() {
    var w = wanted();
    var n = 0;
    articles.forEach(function (a) {
      var ok = matches(a, w, ["rule", "severity", "speaker", "episode", "status"]);
      a.hidden = !ok;
      if (ok) { n++; }
    });
    segments.forEach(function (s) {
      s.classList.toggle("dim", !matches(s, w, ["rule", "severity", "episode"]));
    });
    shown.textContent = n + " of " + articles.length + " findings shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  segments.forEach(function (s) {
    s.addEventListener("click", function () {
      var target = document.getElementById(s.getAttribute("href").slice(1));
      if (target && target.hidden) { form.reset(); }
      if (target) { window.setTimeout(function () { target.focus(); }, 0); }
    });
  });
  apply();
})();
