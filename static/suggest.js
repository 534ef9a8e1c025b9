// As-you-type suggestions for every search box (ARIA 1.2 combobox with a listbox popup).
// Progressive enhancement: without this script the plain GET form to /search still works.
(function () {
  "use strict";
  var DELAY = 120;

  function enhance(input, n) {
    var form = input.form;
    var list = document.createElement("ul");
    list.id = "suggest-" + n;
    list.className = "suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    // Screen readers hear how many suggestions there are: a polite live region per box.
    var status = document.createElement("div");
    status.id = list.id + "-status";
    status.className = "visually-hidden suggest-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.classList.add("has-suggest");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var timer = null, active = -1, items = [], latest = 0;

    function announce(text) {
      if (status.textContent !== text) status.textContent = text;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      items.forEach(function (li, j) { li.setAttribute("aria-selected", String(i === j)); });
      active = i;
      if (i >= 0) input.setAttribute("aria-activedescendant", items[i].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function render(results) {
      list.textContent = "";
      items = results.map(function (r, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.url = r.url;
        // What matched, when it is another name: "Heavy and Tractor-Trailer Truck Drivers,
        // also called Trucker".
        var text = document.createElement("span");
        text.className = "suggest__text";
        var title = document.createElement("span");
        title.className = "suggest__title";
        title.textContent = r.title;
        text.appendChild(title);
        // Why it matched, when not by its own title ("also called Trucker", "your words match
        // the task: ..."), and the level the reader named ("No senior-specific assessment").
        if (r.matched_kind && r.matched_kind !== "title" && r.match_reason) {
          var matched = document.createElement("span");
          matched.className = "suggest__matched";
          matched.textContent = r.match_reason;
          text.appendChild(matched);
        }
        if (r.level && r.level.note) {
          var level = document.createElement("span");
          level.className = "suggest__matched suggest__level";
          level.textContent = r.level.note;
          text.appendChild(level);
        }
        var meta = document.createElement("span");
        meta.className = "suggest__meta";
        var scored = r.zone && typeof r.score === "number";
        meta.textContent = scored ? r.zone.toUpperCase() + " " + r.score.toFixed(1) : (r.kind === "role" ? "Role" : "Occupation");
        li.appendChild(text);
        li.appendChild(meta);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = r.url; });
        list.appendChild(li);
        return li;
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", String(items.length > 0));
      active = -1;
      announce(items.length === 0 ? "No suggestions" : items.length === 1 ? "1 suggestion" : items.length + " suggestions");
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (!q) { close(); announce(""); return; }
      var ticket = ++latest;
      fetch("/api/v1/search?limit=6&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (ticket === latest) render(data.results || []); })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden && e.key !== "ArrowDown") return;
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) { fetchSuggestions(); return; } highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, -1)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = items[active].dataset.url; }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  var inputs = document.querySelectorAll('form[action="/search"] input[name="q"]');
  for (var i = 0; i < inputs.length; i++) enhance(inputs[i], i);
})();
