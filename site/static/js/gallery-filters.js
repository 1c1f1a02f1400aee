// The archive gallery's filters are folded on phones (a <details>, which works without
// JavaScript); on a wide screen they stand beside the results, so they are opened here.
(function () {
  var filters = document.querySelector("[data-archive-filters]");
  if (!filters || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function follow() { if (wide.matches) filters.open = true; }
  follow();
  if (wide.addEventListener) wide.addEventListener("change", follow);
})();
