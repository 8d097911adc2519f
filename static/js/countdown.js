// Webcast countdown: "Begint over 2 dagen, 3 uur en 4 minuten", in the page's language.
// Screen readers are not interrupted (role=timer, aria-live=off). At the start the page
// reloads: the server then shows the live stream (its cache lasts until the start at most).
(function () {
  "use strict";
  var english = document.documentElement.lang === "en";
  var words = english
    ? { prefix: "Starts in ", day: ["day", "days"], hour: ["hour", "hours"], minute: ["minute", "minutes"], and: " and ", soon: "Starting now" }
    : { prefix: "Begint over ", day: ["dag", "dagen"], hour: ["uur", "uur"], minute: ["minuut", "minuten"], and: " en ", soon: "Begint nu" };

  function part(count, names) {
    return count + " " + names[count === 1 ? 0 : 1];
  }

  function describe(seconds) {
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.ceil((seconds % 3600) / 60);
    if (minutes === 60) { hours += 1; minutes = 0; }
    var parts = [];
    if (days) parts.push(part(days, words.day));
    if (hours) parts.push(part(hours, words.hour));
    if (minutes || !parts.length) parts.push(part(minutes, words.minute));
    var last = parts.pop();
    return words.prefix + (parts.length ? parts.join(", ") + words.and : "") + last;
  }

  document.querySelectorAll("[data-countdown]").forEach(function (element) {
    var start = Date.parse(element.dataset.countdown);
    if (isNaN(start)) return;
    function tick() {
      var seconds = Math.round((start - Date.now()) / 1000);
      if (seconds <= 0) {
        element.textContent = words.soon;
        // Once per half minute at most, in case this computer's clock runs ahead of the server's.
        var last = Number(window.sessionStorage.getItem("countdown-reload") || 0);
        if (Date.now() - last > 30000) {
          window.sessionStorage.setItem("countdown-reload", String(Date.now()));
          window.setTimeout(function () { window.location.reload(); }, 2000);
        }
        return;
      }
      element.textContent = describe(seconds);
      window.setTimeout(tick, 1000);
    }
    tick();
  });
})();
