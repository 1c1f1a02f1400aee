// Names from the archive's vocabularies (people, places, events) offered as the archivist
// types: the browser's own <datalist>, filled from the admin's suggestion URL. Without
// JavaScript the field is a plain text field and the name typed is kept.
(function () {
  "use strict";

  function fill(list, names) {
    list.replaceChildren();
    names.forEach(function (term) {
      var option = document.createElement("option");
      option.value = term.name;
      if (term.name_en) {
        option.label = term.name + " — " + term.name_en;
      }
      list.appendChild(option);
    });
  }

  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.dataset.vocabularyUrl;
    var timer = null;
    var asked = "";
    if (!list || !url) {
      return;
    }
    input.addEventListener("input", function () {
      var query = input.value.trim();
      if (query.length < 2 || query === asked) {
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        asked = query;
        fetch(url + "?q=" + encodeURIComponent(query), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            fill(list, data.results || []);
          })
          .catch(function () {
            /* no suggestions: typing still works */
          });
      }, 200);
    });

    // A person added from the suggestions goes on a new line of the "people shown" list.
    var target = input.dataset.appendTo && document.getElementById(input.dataset.appendTo);
    if (target) {
      var add = function () {
        var name = input.value.trim();
        if (!name) {
          return;
        }
        var lines = target.value.split("\n").filter(function (line) {
          return line.trim();
        });
        if (lines.indexOf(name) === -1) {
          lines.push(name);
        }
        target.value = lines.join("\n");
        input.value = "";
      };
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          add();
        }
      });
      input.addEventListener("change", add);
    }
  }

  function start() {
    document.querySelectorAll("input[data-vocabulary-url]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
