// Reports a view of this page when the copy came from a cache: the server counted every copy
// it rendered itself. No cookie, no storage, no request to anyone else (analytics/README.md).
(function () {
  var data = document.currentScript.dataset;
  if (!navigator.sendBeacon || Date.now() / 1000 - data.rendered < 30) return;
  navigator.sendBeacon(
    data.endpoint,
    new URLSearchParams({
      page: data.page,
      token: data.token,
      rendered: data.rendered,
      elapsed: Math.round(performance.now()),
      referrer: document.referrer,
      query: location.search.slice(1),
    }),
  );
})();
