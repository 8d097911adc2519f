/*
 * Video player enhancements; the native controls work without this file.
 * - Chapter buttons ([data-seek]) seek the player they belong to and start playing.
 * - With the video focused: k plays/pauses (space does so natively), left/right go
 *   back/forward 5 s.
 * - The chapter being played gets aria-current="true".
 * - A live HLS stream the browser cannot play itself shows the link to open it elsewhere.
 */
(function () {
  "use strict";

  var STEP_SECONDS = 5;

  function chapterButtons(player) {
    return Array.prototype.slice.call(player.querySelectorAll("[data-seek]"));
  }

  function togglePlay(video) {
    if (video.paused || video.ended) {
      play(video);
    } else {
      video.pause();
    }
  }

  function play(video) {
    var result = video.play();
    if (result && result.catch) {
      result.catch(function () {}); // refused by the browser; the controls stay usable
    }
  }

  function seek(video, seconds) {
    var end = isFinite(video.duration) ? video.duration : Infinity;
    video.currentTime = Math.max(0, Math.min(seconds, end));
  }

  function markCurrentChapter(video, buttons) {
    var current = null;
    buttons.forEach(function (button) {
      if (Number(button.dataset.seek) <= video.currentTime + 0.25) {
        current = button;
      }
    });
    buttons.forEach(function (button) {
      if (button === current) {
        button.setAttribute("aria-current", "true");
      } else {
        button.removeAttribute("aria-current");
      }
    });
  }

  // Space is left to the browser: every current one plays and pauses a focused video
  // itself, and taking it over would break the space bar on the native control buttons.
  // Listened to in the capture phase on the player, before the native controls see it.
  function onKeydown(event, video) {
    if (event.target !== video || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === "k" || event.key === "K") {
      togglePlay(video);
    } else if (event.key === "ArrowLeft") {
      seek(video, video.currentTime - STEP_SECONDS);
    } else if (event.key === "ArrowRight") {
      seek(video, video.currentTime + STEP_SECONDS);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  function offerHlsFallback(player, video) {
    var fallback = player.querySelector("[data-hls-fallback]");
    if (fallback && !video.canPlayType("application/vnd.apple.mpegurl")) {
      fallback.hidden = false;
    }
  }

  function enhance(player) {
    var video = player.querySelector("video");
    if (!video) {
      return;
    }
    if (video.hasAttribute("data-hls")) {
      offerHlsFallback(player, video);
    }
    var buttons = chapterButtons(player);
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    player.addEventListener("keydown", function (event) { onKeydown(event, video); }, true);
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        seek(video, Number(button.dataset.seek));
        play(video);
        markCurrentChapter(video, buttons);
        video.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
      });
    });
    if (buttons.length) {
      video.addEventListener("timeupdate", function () {
        markCurrentChapter(video, buttons);
      });
    }
  }

  document.querySelectorAll("[data-player]").forEach(enhance);
})();
