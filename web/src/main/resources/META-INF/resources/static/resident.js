// Residents' pages: 读给我听 (the browser's Mandarin speech) and 大字 (larger text, remembered on this phone).
// Without script the page reads and works the same; these buttons then stay hidden.
(function () {
  'use strict';
  var root = document.documentElement;
  var large = document.querySelector('[data-large-text]');
  try {
    if (localStorage.getItem('tiaojie-large-text') === '1') { root.classList.add('r-large'); }
  } catch (e) { /* private mode: no memory */ }
  if (large) {
    large.hidden = false;
    large.setAttribute('aria-pressed', String(root.classList.contains('r-large')));
    large.addEventListener('click', function () {
      var on = root.classList.toggle('r-large');
      large.setAttribute('aria-pressed', String(on));
      try { localStorage.setItem('tiaojie-large-text', on ? '1' : '0'); } catch (e) { /* ignore */ }
    });
  }
  var read = document.querySelector('[data-read-aloud]');
  if (!read || !('speechSynthesis' in window)) { return; }
  read.hidden = false;
  read.addEventListener('click', function () {
    var synth = window.speechSynthesis;
    if (synth.speaking) {
      synth.cancel();
      read.setAttribute('aria-pressed', 'false');
      return;
    }
    var main = document.querySelector('[data-read-from]');
    var text = main ? main.innerText : document.body.innerText;
    var help = document.querySelector('.r-help');
    if (help) { text += '\n' + help.innerText; }
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    var voice = synth.getVoices().filter(function (v) { return /^zh(-|_)CN/i.test(v.lang); })[0];
    if (voice) { utterance.voice = voice; }
    utterance.onend = function () { read.setAttribute('aria-pressed', 'false'); };
    read.setAttribute('aria-pressed', 'true');
    synth.speak(utterance);
  });
}());
