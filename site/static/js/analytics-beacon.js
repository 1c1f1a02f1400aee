// Views of cached copies, and outbound links followed (signed in data-outbound).
// No cookie, no storage, no other host (analytics/README.md).
(function () {
  var d = document.currentScript.dataset;
  function send(url, fields) {
    fields.page = d.page;
    fields.token = d.token;
    navigator.sendBeacon(url, new URLSearchParams(fields));
  }
  if (!navigator.sendBeacon) return;
  if (Date.now() / 1000 - d.rendered >= 30) {
    send(d.endpoint, {
      rendered: d.rendered,
      elapsed: Math.round(performance.now()),
      referrer: document.referrer,
      query: location.search.slice(1),
    });
  }
  function followed(event) {
    var link = event.target.closest && event.target.closest("a[data-outbound]");
    if (link && event.button < 2) {
      send(d.goalEndpoint, { url: link.getAttribute("href"), sig: link.dataset.outbound });
    }
  }
  document.addEventListener("click", followed);
  document.addEventListener("auxclick", followed);
})();
