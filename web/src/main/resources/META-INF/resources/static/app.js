// Small helps on top of pages that work without script: one submit per form, a searchable taxonomy picker,
// live countdowns and the supervisor's charts.
(function () {
  'use strict';

  // a second click while a form is on its way does nothing (the server also recognises a repeat by its key)
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    window.setTimeout(function () { form.dataset.submitting = 'false'; }, 8000);
  });

  // typing in the search box narrows the subcategory list to the names that contain the text
  function bindTaxonomySearch(root) {
    root.querySelectorAll('[data-filters]').forEach(function (input) {
      var select = document.getElementById(input.dataset.filters);
      if (!select) { return; }
      input.addEventListener('input', function () {
        var text = input.value.trim();
        var firstMatch = null;
        select.querySelectorAll('option').forEach(function (option) {
          var hit = !text || option.value === '' || option.textContent.indexOf(text) >= 0
            || (option.parentElement.label || '').indexOf(text) >= 0;
          option.hidden = !hit;
          if (hit && option.value && !firstMatch) { firstMatch = option; }
        });
        if (text && firstMatch && select.selectedOptions.length && select.selectedOptions[0].hidden) {
          select.value = firstMatch.value;
        }
      });
    });
  }

  // the time left to answer an offer, written each second as Formats.countdown writes it on the server
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function countdownText(deadline) {
    var seconds = Math.floor((deadline - Date.now()) / 1000);
    if (seconds <= 0) { return '已过答复期限'; }
    var days = Math.floor(seconds / 86400);
    var clock = two(Math.floor(seconds % 86400 / 3600)) + ':' + two(Math.floor(seconds % 3600 / 60)) + ':' + two(seconds % 60);
    return '还剩 ' + (days > 0 ? days + ' 天 ' : '') + clock;
  }
  function tickCountdowns() {
    document.querySelectorAll('time[data-countdown]').forEach(function (time) {
      var deadline = Date.parse(time.getAttribute('datetime'));
      if (!isNaN(deadline)) { time.textContent = countdownText(deadline); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    bindTaxonomySearch(document);
    if (document.querySelector('time[data-countdown]')) {
      tickCountdowns();
      window.setInterval(tickCountdowns, 1000);
    }
    if (window.tiaojieCharts) { window.tiaojieCharts(); }
  });
  document.addEventListener('htmx:afterSwap', function (event) { bindTaxonomySearch(event.target); });
})();
