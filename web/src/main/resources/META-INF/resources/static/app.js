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

  // the inbox: opening an unread message marks it read (its own form, sent in the background)
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.dataset || !details.dataset.readForm) { return; }
    var form = document.getElementById(details.dataset.readForm);
    if (!form) { return; }
    delete details.dataset.readForm;
    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { 'HX-Request': 'true' },
      credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { return; }
      var item = details.closest('.message');
      if (item) { item.classList.remove('unread'); }
      var badge = details.querySelector('summary .badge');
      if (badge) { badge.remove(); }
      form.remove();
      var count = document.getElementById('unread-count');
      if (count) {
        var left = Number(count.dataset.unread) - 1;
        count.dataset.unread = String(left);
        if (left > 0) { count.querySelector('strong').textContent = left + ' 条未读'; } else { count.remove(); }
      }
    });
  }, true);

  // the inbox is live: each new notice redraws the list and is announced to screen readers
  function listenToInbox() {
    var results = document.querySelector('[data-live-inbox]');
    if (!results || !window.EventSource || !window.htmx) { return; }
    var source = new EventSource(results.dataset.liveInbox);
    source.addEventListener('notice', function () {
      window.htmx.ajax('GET', window.location.pathname + window.location.search,
        { target: '#inbox-results', select: '#inbox-results', swap: 'outerHTML' }).then(function () {
        var announce = document.getElementById('inbox-announce');
        if (announce) { announce.textContent = '收到一条新消息。'; }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    listenToInbox();
    bindTaxonomySearch(document);
    if (document.querySelector('time[data-countdown]')) {
      tickCountdowns();
      window.setInterval(tickCountdowns, 1000);
    }
    if (window.tiaojieCharts) { window.tiaojieCharts(); }
  });
  document.addEventListener('htmx:afterSwap', function (event) { bindTaxonomySearch(event.target); });
})();
