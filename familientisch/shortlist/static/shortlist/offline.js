// Loaded on "my list" only: from here on the site works offline for this visitor. The service
// worker keeps this list, the kept pages and the pages visited next in the browser's own cache
// (nothing goes to anybody else). Without JavaScript the list is an ordinary page.
(function () {
  "use strict";
  var script = document.currentScript;
  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  if (!("serviceWorker" in navigator) || !script) { return; }
  var pages = [location.pathname + location.search];
  document.querySelectorAll(".kept-item a[href^='/']").forEach(function (link) {
    pages.push(link.getAttribute("href"));
  });
  document.querySelectorAll("link[rel=stylesheet][href^='/']").forEach(function (link) {
    pages.push(link.getAttribute("href"));
  });
  navigator.serviceWorker.register(script.dataset.worker, { scope: "/" }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    registration.active.postMessage({ keep: pages });
  }).catch(function () { /* offline use is a bonus: the page works without it */ });
})();
