// Inquiry Search: the page's behaviour. Every page works without this
// file; it adds typeahead, citation copying, the dismissible notice and
// stepping through a document's matches. Text from the index is crawled and untrusted,
// so the DOM is only ever built with createElement and textContent.
(function () {
  'use strict';

  var root = document.documentElement;
  var NOTICE_KEY = 'inquirysearch.notice';

  // Runs in <head>, before the body is painted, so that a notice already
  // dismissed and the controls that need JavaScript cause no flash or shift.
  root.classList.add('js');
  var noticeVersion = root.getAttribute('data-notice');
  if (noticeVersion && stored(NOTICE_KEY) === noticeVersion) {
    root.classList.add('notice-dismissed');
  }

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: remembered for this page only */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // One polite live region for the whole page, created once.
  var liveRegion;
  function announce(message) {
    if (!liveRegion) {
      liveRegion = el('p', 'visually-hidden');
      liveRegion.setAttribute('role', 'status');
      document.body.appendChild(liveRegion);
    }
    liveRegion.textContent = '';
    window.setTimeout(function () { liveRegion.textContent = message; }, 50);
  }

  document.addEventListener('DOMContentLoaded', function () {
    initNotice();
    initTypeahead();
    initCopyCitation();
    initSort();
    initDocument();
    initSlashKey();
  });

  // ---- Content notice -------------------------------------------------

  function initNotice() {
    var notice = document.getElementById('notice');
    if (!notice || !noticeVersion) return;
    var button = notice.querySelector('.notice-dismiss');
    if (!button) return;
    button.addEventListener('click', function () {
      store(NOTICE_KEY, noticeVersion);
      root.classList.add('notice-dismissed');
      var q = document.getElementById('q');
      (q || document.getElementById('main')).focus();
    });
  }

  // ---- Typeahead ------------------------------------------------------

  var KIND_LABELS = { title: 'Title', place: 'Place', institution: 'Institution', speaker: 'Speaker', phrase: 'Phrase', term: 'Word' };

  function initTypeahead() {
    var input = document.getElementById('q');
    if (!input || !window.fetch) return;
    var combo = input.parentNode;
    var list = el('ul', 'suggestions');
    list.id = 'q-suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    combo.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    var options = [];  // {text, kind}
    var keep = '';     // what stays in front of the completed part
    var active = -1;
    var timer = 0;
    var pending = null;
    var serial = 0;

    function open() {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(i) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i >= 0 && items[i]) {
        items[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', items[i].id);
        items[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    function render(found, before) {
      list.textContent = '';
      options = found;
      keep = before;
      active = -1;
      found.forEach(function (s, i) {
        var li = el('li', 'suggestion');
        li.id = 'q-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.appendChild(el('span', 'suggestion-text', s.text));
        li.appendChild(el('span', 'suggestion-kind', KIND_LABELS[s.kind] || s.kind));
        // mousedown would blur the input and close the list before click.
        li.addEventListener('mousedown', function (e) { e.preventDefault(); });
        li.addEventListener('click', function () { choose(i); });
        list.appendChild(li);
      });
      if (found.length) {
        open();
        announce(found.length + (found.length === 1 ? ' suggestion' : ' suggestions') + '. Use the up and down arrows to choose.');
      } else {
        close();
      }
    }
    function choose(i) {
      var s = options[i];
      if (!s) return;
      // Several words become a phrase, so the search finds them together.
      var text = /\s/.test(s.text) ? '"' + s.text + '"' : s.text;
      // A speaker keeps the search to what they said.
      if (s.kind === 'speaker') text = 'speaker:"' + s.text + '"';
      input.value = keep + text;
      close();
      if (input.form.requestSubmit) input.form.requestSubmit(); else input.form.submit();
    }
    function ask(prefix) {
      if (pending) pending.abort();
      pending = window.AbortController ? new AbortController() : null;
      return fetch('/api/v1/suggest?q=' + encodeURIComponent(prefix), {
        headers: { Accept: 'application/json' },
        signal: pending ? pending.signal : undefined
      }).then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (d) { return (d && d.suggestions) || []; });
    }
    // The whole box is completed first ("record kee" -> a phrase); if
    // nothing starts that way, only its last word ("council ashc").
    function suggest() {
      var value = input.value;
      var parts = candidates(value);
      var mine = ++serial;
      if (!parts.length) { render([], ''); return; }
      ask(parts[0].prefix).then(function (found) {
        if (found.length || parts.length === 1) return [found, parts[0].keep];
        return ask(parts[1].prefix).then(function (more) { return [more, parts[1].keep]; });
      }).then(function (r) {
        if (mine === serial && input.value === value && document.activeElement === input) render(r[0], r[1]);
      }).catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 120);
    });
    input.addEventListener('keydown', function (e) {
      var n = options.length;
      switch (e.key) {
        case 'ArrowDown':
          if (!n) return;
          e.preventDefault();
          if (list.hidden) open();
          highlight((active + 1) % n);
          break;
        case 'ArrowUp':
          if (!n || list.hidden) return;
          e.preventDefault();
          highlight(active <= 0 ? n - 1 : active - 1);
          break;
        case 'Enter':
          if (!list.hidden && active >= 0) {
            e.preventDefault();
            choose(active);
          }
          break;
        case 'Escape':
          if (!list.hidden) {
            e.preventDefault();
            close();
          }
          break;
      }
    });
    input.addEventListener('blur', close);
  }

  // candidates returns what to ask the suggester for: the whole text, and
  // its last word with what stands before it. Operators and filters are
  // not completed.
  function candidates(value) {
    var out = [];
    var whole = value.replace(/^\s+/, '').replace(/^"/, '');
    if (whole.trim() && !/[:"]/.test(whole) && !/^-/.test(whole)) out.push({ prefix: whole, keep: '' });
    var m = /^(.*\s)(\S+)$/.exec(value);
    if (m && !/^[-=]|:|"/.test(m[2]) && m[2] !== 'OR') out.push({ prefix: m[2], keep: m[1] });
    return out;
  }

  // ---- Sort -----------------------------------------------------------

  function initSort() {
    var select = document.getElementById('sort');
    if (!select || !select.form) return;
    // Arrow keys on a closed select fire change at every step; a keyboard
    // user moves through the options and then presses the Sort button,
    // while a pointer's choice applies at once.
    var keyed = false;
    select.addEventListener('keydown', function () { keyed = true; });
    select.addEventListener('pointerdown', function () { keyed = false; });
    select.addEventListener('change', function () {
      if (keyed) return;
      if (select.form.requestSubmit) select.form.requestSubmit(); else select.form.submit();
    });
  }

  // ---- Citations ------------------------------------------------------

  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return iso || '';
    var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
      'September', 'October', 'November', 'December'];
    return parseInt(m[3], 10) + ' ' + months[parseInt(m[2], 10) - 1] + ' ' + m[1];
  }

  // citationFor prefers a paragraph's own .citation, written by the
  // server; otherwise it builds one from the data-cite-* attributes of the
  // paragraph and of its document (or search hit).
  function citationFor(button) {
    var para = button.closest('.para, .passage');
    var holder = para || button.closest('.hit, .rec');
    var own = holder && (holder.querySelector('.own-citation') || holder.querySelector('.citation'));
    if (own && own.textContent.trim()) return own.textContent.replace(/\s+/g, ' ').trim();
    var doc = button.closest('[data-cite-url]');
    if (!doc) return '';
    var d = doc.dataset;
    var parts = [];
    if (d.citeReport) parts.push(d.citeReport);
    if (d.citeTitle && d.citeTitle !== d.citeReport) {
      var title = d.citeTitle;
      if (d.citeSection && title.indexOf(d.citeSection) < 0) title = d.citeSection + ' ' + title;
      parts.push(title);
    }
    var number = para && para.dataset.citeNumber;
    if (number) parts.push('paragraph ' + number);
    var text = parts.join(', ');
    if (d.citePublished) text += ' (published ' + longDate(d.citePublished) + ')';
    var url = d.citeUrl;
    if (para && para.dataset.citeAnchor) url += '#' + para.dataset.citeAnchor;
    return text + '. ' + url;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = el('textarea', 'offscreen');
      area.value = text;
      area.setAttribute('readonly', '');
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
  }

  function initCopyCitation() {
    document.addEventListener('click', function (e) {
      var button = e.target.closest && e.target.closest('.copy-cite');
      if (!button) return;
      var text = citationFor(button);
      if (!text) return;
      copyText(text).then(function () {
        button.classList.add('copied');
        announce('Citation copied: ' + text);
        window.setTimeout(function () { button.classList.remove('copied'); }, 2000);
      }, function () {
        announce('The citation could not be copied. Select the paragraph text instead.');
      });
    });
  }

  // ---- Document view --------------------------------------------------

  var targeted = null;
  function markTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (targeted) targeted.classList.remove('is-target');
    targeted = null;
    if (!/^p-/.test(id)) return;
    var target = document.getElementById(id);
    if (!target) return;
    targeted = target;
    target.classList.add('is-target');
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }

  function initDocument() {
    var doc = document.querySelector('article.document');
    if (!doc) return;
    markTarget();
    window.addEventListener('hashchange', markTarget);
    initFind();
  }

  // initFind steps through the search's matches, which the server has
  // marked (mark.find, in page order) as the search matched them. Focus
  // stays on the button pressed, so Enter steps on; the match is scrolled
  // to, outlined, and named in the status line, which is read out.
  function initFind() {
    var bar = document.getElementById('find-bar');
    var status = document.getElementById('find-status');
    var marks = Array.prototype.slice.call(document.querySelectorAll('mark.find'));
    if (!bar || !status || !marks.length) return;
    var current = -1;
    function startAtTarget() {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = /^p-/.test(id) && document.getElementById(id);
      if (!target) return;
      for (var i = 0; i < marks.length; i++) {
        var at = target.compareDocumentPosition(marks[i]);
        if (target.contains(marks[i]) || (at & Node.DOCUMENT_POSITION_FOLLOWING)) {
          current = i - 1;
          return;
        }
      }
    }
    function show(i) {
      if (current >= 0) marks[current].classList.remove('current');
      current = (i + marks.length) % marks.length;
      var m = marks[current];
      m.classList.add('current');
      m.scrollIntoView({ block: 'center' });
      var para = m.closest('.para');
      var where = para ? ', paragraph ' + para.id.replace(/^p-u/, 'unnumbered ').replace(/^p-/, '') : '';
      status.textContent = 'Match ' + (current + 1) + ' of ' + marks.length + where;
    }
    startAtTarget();
    window.addEventListener('hashchange', startAtTarget);
    bar.querySelector('.find-next').addEventListener('click', function () { show(current + 1); });
    bar.querySelector('.find-prev').addEventListener('click', function () { show(current < 0 ? marks.length - 1 : current - 1); });
  }

  // "/" moves to the search box from anywhere, as on many search sites.
  function initSlashKey() {
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t.closest && t.closest('input, textarea, select, [contenteditable]')) return;
      var q = document.getElementById('q');
      if (!q) return;
      e.preventDefault();
      q.focus();
      q.select();
    });
  }
})();
