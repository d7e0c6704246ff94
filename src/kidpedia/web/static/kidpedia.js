// kidpedia (issue 14): things a child can do on a page, with no server round trip.
// - Text size: A / A+ / A++, remembered (localStorage; prefs.js applies it early).
// - Read to me: the browser's own speech synthesis (offline, the page's language),
//   sentence by sentence, the sentence being read highlighted; Pause / Go on, Stop,
//   Slower (remembered); Escape stops. Hidden where the browser cannot speak.
// - Quick facts on a phone: the first rows, then "Show all facts" opens the box.
// - Quiz: "Check my answers" marks each question right or wrong in the page.
(function () {
  "use strict";
  var root = document.documentElement;

  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* not remembered */ } }
  function text(el, name, fallback) { return (el && el.getAttribute(name)) || fallback; }

  // ---- text size ------------------------------------------------------------------
  var tools = document.querySelector(".page-tools");
  if (tools) {
    tools.hidden = false;
    var sizeButtons = tools.querySelectorAll("[data-size]");
    var showSize = function (n) {
      sizeButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-size") === n)); });
    };
    showSize(root.getAttribute("data-text-size") || "1");
    sizeButtons.forEach(function (b) {
      b.addEventListener("click", function () {
        var n = b.getAttribute("data-size");
        if (n === "1") root.removeAttribute("data-text-size"); else root.setAttribute("data-text-size", n);
        store("kidpedia-text-size", n);
        showSize(n);
      });
    });
  }

  // ---- read to me -----------------------------------------------------------------
  var reader = tools && tools.querySelector(".read-aloud");
  var synth = window.speechSynthesis;
  if (reader && synth && window.SpeechSynthesisUtterance) {
    reader.hidden = false;
    var startB = reader.querySelector("[data-read=start]");
    var pauseB = reader.querySelector("[data-read=pause]");
    var stopB = reader.querySelector("[data-read=stop]");
    var slowB = reader.querySelector("[data-read=slow]");
    var SKIP = ".page-tools, .quick-facts, .toc, nav, form, .suggestions, .visually-hidden, .quiz, script, style, [hidden]";
    var READ = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption";
    var queue = [];
    var at = -1;
    var reading = false;
    var paused = false;
    var slow = stored("kidpedia-speech-slow") === "1";
    var hasHighlights = !!(window.CSS && CSS.highlights && window.Highlight);
    slowB.setAttribute("aria-pressed", String(slow));
    slowB.hidden = true;

    var sentenceEnd = /[^.!?。！？]+(?:[.!?。！？]+["'”’)\]]*|$)\s*/g;

    var collect = function () {
      var main = document.querySelector("main") || document.body;
      var out = [];
      main.querySelectorAll(READ).forEach(function (block) {
        if (block.closest(SKIP)) return;
        if (block.querySelector(READ)) return;  // read the innermost blocks only
        var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        var nodes = [];
        var all = "";
        var n;
        while ((n = walker.nextNode())) {
          if (n.parentElement && n.parentElement.closest(SKIP)) continue;
          nodes.push({ node: n, start: all.length });
          all += n.data;
        }
        if (!all.trim()) return;
        var find = function (pos, isEnd) {
          for (var i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i].start < pos || (!isEnd && nodes[i].start === pos) || i === 0) {
              return { node: nodes[i].node, offset: Math.min(pos - nodes[i].start, nodes[i].node.data.length) };
            }
          }
          return null;
        };
        var m;
        sentenceEnd.lastIndex = 0;
        while ((m = sentenceEnd.exec(all))) {
          if (!m[0]) { sentenceEnd.lastIndex++; continue; }
          var said = m[0].trim();
          if (!said) continue;
          var startAt = m.index + (m[0].length - m[0].replace(/^\s+/, "").length);
          var endAt = m.index + m[0].replace(/\s+$/, "").length;
          var a = find(startAt, false);
          var b = find(endAt, true);
          var range = document.createRange();
          range.setStart(a.node, a.offset);
          range.setEnd(b.node, b.offset);
          out.push({ text: said, block: block, range: range });
        }
      });
      return out;
    };

    var unmark = function () {
      if (hasHighlights) CSS.highlights.delete("kidpedia-reading");
      document.querySelectorAll(".reading-now").forEach(function (el) { el.classList.remove("reading-now"); });
    };
    var mark = function (item) {
      unmark();
      item.block.classList.add("reading-now");
      if (hasHighlights) CSS.highlights.set("kidpedia-reading", new Highlight(item.range));
      var box = item.block.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) item.block.scrollIntoView({ block: "center" });
    };
    var show = function () {
      startB.hidden = reading;
      pauseB.hidden = !reading;
      stopB.hidden = !reading;
      slowB.hidden = !reading;
      pauseB.textContent = paused ? text(pauseB, "data-resume", "Go on") : text(pauseB, "data-pause", "Pause");
      pauseB.setAttribute("aria-pressed", String(paused));
      root.classList.toggle("is-reading", reading);
    };
    var voice = function (lang) {
      var voices = synth.getVoices ? synth.getVoices() : [];
      var base = lang.split("-")[0];
      for (var i = 0; i < voices.length; i++) if (voices[i].lang && voices[i].lang.split(/[-_]/)[0] === base) return voices[i];
      return null;
    };
    var stop = function () {
      reading = false;
      paused = false;
      at = -1;
      synth.cancel();
      unmark();
      show();
    };
    var speakNext = function () {
      at += 1;
      if (!reading || at >= queue.length) { stop(); return; }
      var item = queue[at];
      var u = new SpeechSynthesisUtterance(item.text);
      u.lang = root.getAttribute("lang") || "en";
      var v = voice(u.lang);
      if (v) u.voice = v;
      u.rate = slow ? 0.75 : 1;
      u.onend = function () { if (reading && queue[at] === item) speakNext(); };
      u.onerror = function () { if (reading && queue[at] === item) speakNext(); };
      mark(item);
      synth.speak(u);
    };
    startB.addEventListener("click", function () {
      synth.cancel();
      queue = collect();
      if (!queue.length) return;
      reading = true;
      paused = false;
      at = -1;
      show();
      speakNext();
      pauseB.focus();
    });
    pauseB.addEventListener("click", function () {
      if (!reading) return;
      paused = !paused;
      if (paused) synth.pause(); else synth.resume();
      show();
    });
    stopB.addEventListener("click", function () { stop(); startB.focus(); });
    slowB.addEventListener("click", function () {
      slow = !slow;
      store("kidpedia-speech-slow", slow ? "1" : "0");
      slowB.setAttribute("aria-pressed", String(slow));
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && reading) { stop(); startB.focus(); }
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }

  // ---- Quick facts: compact on a phone, opens on tap --------------------------------
  var COMPACT_ROWS = 6;
  document.querySelectorAll(".quick-facts").forEach(function (box) {
    var rows = box.querySelectorAll(":scope > .qf-scroll > table > tbody > tr");
    var tall = box.querySelector(".qf-scroll") && box.querySelector(".qf-scroll").scrollHeight > 640;
    if (rows.length <= COMPACT_ROWS && !tall) return;
    box.classList.add("qf-compact");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button qf-toggle";
    var more = text(box, "data-more", "Show all facts");
    var less = text(box, "data-less", "Show fewer facts");
    button.textContent = more;
    button.setAttribute("aria-expanded", "false");
    var scroll = box.querySelector(".qf-scroll");
    if (scroll && !scroll.id) scroll.id = "qf-rows";
    if (scroll) button.setAttribute("aria-controls", scroll.id);
    button.addEventListener("click", function () {
      var open = box.classList.toggle("qf-open");
      button.textContent = open ? less : more;
      button.setAttribute("aria-expanded", String(open));
      if (scroll) {
        if (open) { scroll.setAttribute("tabindex", "0"); } else { scroll.removeAttribute("tabindex"); scroll.scrollTop = 0; }
      }
    });
    box.appendChild(button);
  });

  // ---- quiz -----------------------------------------------------------------------
  document.querySelectorAll(".quiz-form").forEach(function (form) {
    var actions = form.querySelector(".quiz-actions");
    if (actions) actions.hidden = false;
    var rightWord = text(form, "data-right", "Right!");
    var wrongWord = text(form, "data-wrong", "Not quite. The answer is:");
    var unanswered = text(form, "data-unanswered", "Pick an answer.");
    var scoreWords = text(form, "data-score", "You got {right} of {total} right!");
    var check = form.querySelector(".button-check");
    if (!check) return;
    check.addEventListener("click", function () {
      var questions = form.querySelectorAll(".quiz-question");
      var right = 0;
      questions.forEach(function (q) {
        var answer = q.getAttribute("data-answer");
        var picked = q.querySelector("input:checked");
        var feedback = q.querySelector(".quiz-feedback");
        q.classList.remove("quiz-right", "quiz-wrong");
        q.querySelectorAll(".quiz-choice").forEach(function (c) { c.classList.remove("is-answer"); });
        if (!picked) { feedback.textContent = unanswered; return; }
        if (picked.value === answer) {
          right += 1;
          q.classList.add("quiz-right");
          feedback.textContent = rightWord;
        } else {
          q.classList.add("quiz-wrong");
          var correct = q.querySelector("input[value='" + answer + "']");
          var label = correct ? correct.closest(".quiz-choice") : null;
          if (label) label.classList.add("is-answer");
          feedback.textContent = wrongWord + " " + (label ? label.textContent.trim() : "");
        }
      });
      form.querySelector(".quiz-score").textContent =
        scoreWords.replace("{right}", String(right)).replace("{total}", String(questions.length));
    });
  });
})();
