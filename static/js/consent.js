/*
 * External embeds load only after the visitor asks for them. The embed block renders
 * a placeholder and keeps the provider's HTML in a <template>; pressing the button
 * moves that HTML into the page, with YouTube's privacy-enhanced domain and Vimeo's
 * do-not-track flag.
 */
(function () {
  "use strict";

  function privacyFriendly(src) {
    var url;
    try {
      url = new URL(src, document.baseURI);
    } catch (error) {
      return src;
    }
    if (/(^|\.)youtube\.com$/.test(url.hostname)) {
      url.hostname = "www.youtube-nocookie.com";
    } else if (url.hostname === "player.vimeo.com") {
      url.searchParams.set("dnt", "1");
    }
    return url.toString();
  }

  function load(embed) {
    var template = embed.querySelector("template[data-consent-html]");
    var frame = embed.querySelector("[data-consent-frame]");
    var content = template.content.cloneNode(true);
    content.querySelectorAll("iframe").forEach(function (iframe) {
      iframe.src = privacyFriendly(iframe.getAttribute("src"));
      if (!iframe.title) {
        iframe.title = template.dataset.title || "";
      }
    });
    frame.replaceChildren(content);
    frame.classList.add("is-loaded");
    frame.focus(); // the button is gone; keep keyboard users where they were
  }

  document.querySelectorAll("[data-consent-embed]").forEach(function (embed) {
    var button = embed.querySelector("[data-consent-load]");
    if (!button || !embed.querySelector("template[data-consent-html]")) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      load(embed);
    });
  });
})();
