// The record page's deep-zoom viewer: OpenSeadragon in sequence mode over the pages' IIIF
// info.json, with its own accessible controls (buttons with text labels, a page strip, a live
// "page N of M" status and keyboard shortcuts).
//
// Loading this file only defines `window.PortalViewer`; it never touches the page. The Leptos
// component (app/src/components/viewer.rs) calls `PortalViewer.mount(element, options)` after
// hydration, into an element Leptos leaves empty, and `handle.destroy()` when the page goes away.
//
// options = {
//   pages: [{ info, thumb, full (null unless the record is public), width, height }],
//   start: 0-based index of the first page shown,
//   title: the record's title (canvas label),
//   labels: { zoomIn, zoomOut, home, rotateLeft, rotateRight, fullScreen, exitFullScreen,
//             prev, next, pages, controls, canvas, keys, download, pageOf: "Trang {n} / {m}" },
// }
(function () {
  'use strict';
  if (window.PortalViewer) return;

  let counter = 0;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children || []) node.appendChild(child);
    return node;
  }

  // Icons (24 × 24, stroked): glyphs would depend on the fonts installed.
  const ICONS = {
    prev: 'M15 5l-7 7 7 7',
    next: 'M9 5l7 7-7 7',
    zoomIn: 'M5 12h14M12 5v14',
    zoomOut: 'M5 12h14',
    home: 'M4 11l8-7 8 7M6 9.5V20h12V9.5',
    rotateLeft: 'M3 4v6h6M3.5 10A8.5 8.5 0 1 1 5.2 16.5',
    rotateRight: 'M21 4v6h-6M20.5 10A8.5 8.5 0 1 0 18.8 16.5',
    fullScreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  };

  function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '24');
    svg.setAttribute('height', '24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'pv-icon');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  // A button with an icon and a text label for screen readers (and a tooltip).
  function button(name, label, className) {
    return el('button', { type: 'button', class: 'pv-button ' + className, title: label }, [
      icon(name),
      el('span', { class: 'visually-hidden pv-label', text: label }),
    ]);
  }

  function setLabel(btn, label) {
    btn.title = label;
    btn.querySelector('.pv-label').textContent = label;
  }

  function pageOf(template, n, m) {
    return template.replace('{n}', String(n)).replace('{m}', String(m));
  }

  function mount(root, options) {
    const OSD = window.OpenSeadragon;
    if (!OSD) throw new Error('OpenSeadragon is not loaded');
    const pages = options.pages || [];
    const labels = options.labels || {};
    const total = pages.length;
    if (total === 0) throw new Error('no pages');
    const id = 'pv' + ++counter;
    let current = Math.min(Math.max(0, options.start | 0), total - 1);

    const prev = button('prev', labels.prev, 'pv-prev');
    const next = button('next', labels.next, 'pv-next');
    const zoomIn = button('zoomIn', labels.zoomIn, 'pv-zoom-in');
    const zoomOut = button('zoomOut', labels.zoomOut, 'pv-zoom-out');
    const home = button('home', labels.home, 'pv-home');
    const rotateLeft = button('rotateLeft', labels.rotateLeft, 'pv-rotate-left');
    const rotateRight = button('rotateRight', labels.rotateRight, 'pv-rotate-right');
    const full = button('fullScreen', labels.fullScreen, 'pv-full-screen');
    full.setAttribute('aria-pressed', 'false');
    const controls = el('div', { class: 'pv-controls', role: 'group', 'aria-label': labels.controls }, [
      el('div', { class: 'pv-group' }, [prev, next]),
      el('div', { class: 'pv-group' }, [zoomIn, zoomOut, home]),
      el('div', { class: 'pv-group' }, [rotateLeft, rotateRight, full]),
    ]);
    const stage = el('div', { class: 'pv-stage', id: id + '-stage', 'data-testid': 'viewer-canvas' });
    const status = el('p', {
      class: 'pv-status',
      role: 'status',
      'aria-live': 'polite',
      'data-testid': 'viewer-status',
    });
    const download = el('a', { class: 'pv-download', download: true, 'data-testid': 'viewer-download' });
    const keys = el('p', { class: 'pv-keys', id: id + '-keys', text: labels.keys });
    const strip = el('ol', { class: 'pv-strip', 'aria-label': labels.pages, 'data-testid': 'viewer-strip' });
    const thumbs = pages.map((page, i) => {
      const label = pageOf(labels.pageOf, i + 1, total);
      const btn = el('button', { type: 'button', class: 'pv-thumb', 'aria-label': label, title: label }, [
        el('img', { src: page.thumb, alt: '', loading: 'lazy', decoding: 'async' }),
        el('span', { class: 'pv-thumb-number', 'aria-hidden': 'true', text: String(i + 1) }),
      ]);
      btn.addEventListener('click', () => go(i));
      strip.appendChild(el('li', {}, [btn]));
      return btn;
    });
    const ui = el('div', { class: 'pv', 'data-testid': 'viewer-ui' }, [
      controls,
      stage,
      el('div', { class: 'pv-bar' }, [status, download]),
      keys,
      strip,
    ]);
    root.appendChild(ui);

    const viewer = OSD({
      element: stage,
      tileSources: pages.map((page) => page.info),
      sequenceMode: true,
      initialPage: current,
      drawer: 'canvas',
      showNavigationControl: false,
      showSequenceControl: false,
      showNavigator: false,
      showRotationControl: false,
      preserveViewport: false,
      maxZoomPixelRatio: 2,
      visibilityRatio: 0.8,
      crossOriginPolicy: false,
    });
    const canvas = viewer.canvas;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-describedby', keys.id);

    // `initial`: the first call leaves an address without `?page=` as it is.
    function update(initial) {
      const n = current + 1;
      const where = pageOf(labels.pageOf, n, total);
      status.textContent = where;
      canvas.setAttribute('aria-label', `${labels.canvas}: ${where} — ${options.title}`);
      prev.disabled = current === 0;
      next.disabled = current === total - 1;
      thumbs.forEach((btn, i) => {
        if (i === current) btn.setAttribute('aria-current', 'page');
        else btn.removeAttribute('aria-current');
      });
      const page = pages[current];
      download.hidden = !page.full;
      if (page.full) {
        download.href = page.full;
        download.textContent = `${labels.download} (${where})`;
      }
      const item = thumbs[current].parentElement;
      if (item.offsetLeft < strip.scrollLeft || item.offsetLeft + item.offsetWidth > strip.scrollLeft + strip.clientWidth) {
        strip.scrollLeft = item.offsetLeft - (strip.clientWidth - item.offsetWidth) / 2;
      }
      const url = new URL(window.location.href);
      if (initial && !url.searchParams.has('page') && n === 1) return;
      if (url.searchParams.get('page') !== String(n)) {
        url.searchParams.set('page', String(n));
        window.history.replaceState(window.history.state, '', url);
      }
    }

    function go(i) {
      if (i < 0 || i >= total || i === current) return;
      current = i;
      viewer.goToPage(i);
      update();
    }

    function zoom(factor) {
      viewer.viewport.zoomBy(factor);
      viewer.viewport.applyConstraints();
    }

    function rotate(degrees) {
      viewer.viewport.setRotation(viewer.viewport.getRotation() + degrees);
    }

    function isFull() {
      return document.fullscreenElement === ui || ui.classList.contains('pv-fallback-full');
    }

    function toggleFull() {
      if (document.fullscreenElement === ui) {
        document.exitFullscreen();
      } else if (ui.requestFullscreen && document.fullscreenEnabled) {
        ui.requestFullscreen().catch(() => ui.classList.toggle('pv-fallback-full'));
      } else {
        // No Fullscreen API (iPhone): fill the window instead.
        ui.classList.toggle('pv-fallback-full');
        fullChanged();
      }
    }

    function fullChanged() {
      const on = isFull();
      full.setAttribute('aria-pressed', String(on));
      setLabel(full, on ? labels.exitFullScreen : labels.fullScreen);
    }

    prev.addEventListener('click', () => go(current - 1));
    next.addEventListener('click', () => go(current + 1));
    zoomIn.addEventListener('click', () => zoom(1.5));
    zoomOut.addEventListener('click', () => zoom(1 / 1.5));
    home.addEventListener('click', () => viewer.viewport.goHome());
    rotateLeft.addEventListener('click', () => rotate(-90));
    rotateRight.addEventListener('click', () => rotate(90));
    full.addEventListener('click', toggleFull);
    document.addEventListener('fullscreenchange', fullChanged);
    // OSD changes page itself only through our calls, but keep the state in step anyway.
    viewer.addHandler('page', (event) => {
      if (event.page !== current) {
        current = event.page;
        update();
      }
    });

    // Capture phase on the whole viewer: our keys win over OSD's own canvas shortcuts.
    function onKey(event) {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const target = event.target;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      let handled = true;
      switch (event.key) {
        case 'ArrowLeft':
        case 'PageUp':
          go(current - 1);
          break;
        case 'ArrowRight':
        case 'PageDown':
          go(current + 1);
          break;
        case '+':
        case '=':
          zoom(1.5);
          break;
        case '-':
        case '_':
          zoom(1 / 1.5);
          break;
        case '0':
          viewer.viewport.goHome();
          break;
        case 'r':
          rotate(90);
          break;
        case 'R':
          rotate(-90);
          break;
        case 'f':
        case 'F':
          toggleFull();
          break;
        case 'Escape':
          handled = ui.classList.contains('pv-fallback-full');
          if (handled) toggleFull();
          break;
        default:
          handled = false;
      }
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    }
    ui.addEventListener('keydown', onKey, true);

    update(true);
    return {
      viewer,
      page: () => current + 1,
      goToPage: (n) => go(n - 1),
      destroy() {
        document.removeEventListener('fullscreenchange', fullChanged);
        ui.removeEventListener('keydown', onKey, true);
        if (document.fullscreenElement === ui) document.exitFullscreen().catch(() => {});
        viewer.destroy();
        ui.remove();
      },
    };
  }

  window.PortalViewer = { mount };
})();
