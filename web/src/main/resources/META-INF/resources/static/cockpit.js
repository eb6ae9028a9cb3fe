// The cockpit's charts: ECharts draws each chart from the JSON block the page names in the container's
// data-chart. Nothing here is needed to read the figures: every chart has its table on the page.
(function () {
  'use strict';

  // colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by shape too (bars, symbols)
  var PALETTE = ['#0b5cab', '#1d6b3a', '#8a5300', '#6b3fa0'];
  var SYMBOLS = ['circle', 'rect', 'triangle', 'diamond'];
  var FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var INK = '#1f2933';
  var MUTED = '#52606d';

  function axisFor(unit) {
    if (unit === 'percent') {
      return { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: MUTED } };
    }
    if (unit === 'ratio') {
      return { type: 'value', min: 0, max: 1, axisLabel: { color: MUTED } };
    }
    if (unit === 'score') {
      return { type: 'value', min: 0, max: 5, axisLabel: { color: MUTED } };
    }
    return { type: 'value', minInterval: 1, axisLabel: { color: MUTED } };
  }

  function option(data) {
    var lying = data.kind === 'bar';
    var labels = { type: 'category', data: data.labels, axisLabel: { color: INK, interval: 0, hideOverlap: true } };
    var values = axisFor(data.unit);
    return {
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT, fontSize: 13, color: INK },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: INK } },
      // rich-text tooltips are drawn on the canvas: HTML ones would need inline styles, which the CSP refuses
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: lying ? 'shadow' : 'line' } },
      xAxis: lying ? values : labels,
      yAxis: lying ? Object.assign({}, labels, { inverse: true }) : values,
      series: data.series.map(function (s, i) {
        return {
          name: s.name,
          type: data.kind === 'line' ? 'line' : 'bar',
          data: s.values,
          symbol: SYMBOLS[i % SYMBOLS.length],
          symbolSize: 8,
          barMaxWidth: 28
        };
      })
    };
  }

  window.tiaojieCharts = function () {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (container) {
      var source = document.getElementById(container.dataset.chart);
      if (!source) { return; }
      var chart = window.echarts.init(container);
      chart.setOption(option(JSON.parse(source.textContent)));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  };
})();
