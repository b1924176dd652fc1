/**
 * The report page's only script: pages and filters the embedded rows. It
 * reads them with JSON.parse from an inert data block and builds cells with
 * textContent, never innerHTML, so model output stays text. Plain ES2017 so
 * any browser opening a CI artifact runs it.
 */

/** Rows shown per page. */
export const PAGE_SIZE = 50;

/** Source of the inline script. */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var all = JSON.parse(document.getElementById('mg-rows').textContent || '[]');
  var PAGE = ${PAGE_SIZE};
  var page = 0;
  var shown = all;
  var body = document.getElementById('mg-rows-body');
  var info = document.getElementById('mg-page-info');
  var filter = document.getElementById('mg-filter');
  var tier = document.getElementById('mg-tier');
  var prev = document.getElementById('mg-prev');
  var next = document.getElementById('mg-next');
  var LABEL = { disagreement: 'disagrees', error: 'error', failure: 'fail', pass: 'pass' };

  function matches(r, q) {
    if (!q) return true;
    return (r.m + '\\n' + r.d + '\\n' + r.o + '\\n' + r.why + '\\n#' + r.c).toLowerCase().indexOf(q) >= 0;
  }
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var t = tier.value;
    shown = all.filter(function (r) { return (t === 'all' || r.t === t) && matches(r, q); });
    page = 0;
    render();
  }
  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }
  function block(tr, text, cls) {
    var td = document.createElement('td');
    var div = document.createElement('div');
    div.className = cls;
    div.textContent = text;
    td.appendChild(div);
    tr.appendChild(td);
  }
  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (page >= pages) page = pages - 1;
    body.textContent = '';
    shown.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r) {
      var tr = document.createElement('tr');
      tr.className = 'mg-' + r.t;
      cell(tr, String(r.c), 'mg-num');
      cell(tr, r.m);
      cell(tr, r.p + ' #' + r.r);
      cell(tr, LABEL[r.t] || r.t, 'mg-tier');
      cell(tr, r.s.toFixed(3), 'mg-num');
      block(tr, (r.d ? r.d + '\\n\\n' : '') + r.o, 'mg-text');
      block(tr, r.why, 'mg-text');
      cell(tr, r.ms + ' ms', 'mg-num');
      body.appendChild(tr);
    });
    info.textContent = 'page ' + (page + 1) + ' of ' + pages + ' \\u00b7 ' + shown.length + ' of ' + all.length + ' embedded rows match';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  var timer;
  filter.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  tier.addEventListener('change', apply);
  prev.addEventListener('click', function () { page--; render(); });
  next.addEventListener('click', function () { page++; render(); });
  render();
})();`;
