'use strict';
// The dashboard: figures from the indicator API, kept fresh by the live stream. No build step, nothing from outside.
(function () {
  const GENDERS = [['WOMAN', 'Women'], ['MAN', 'Men'], ['NON_BINARY', 'Non-binary'], ['NOT_STATED', 'Not stated']];
  const cards = document.getElementById('projects');
  const consolidated = document.getElementById('consolidated');
  const connection = document.getElementById('connection');
  const updated = document.getElementById('updated');
  const latestRequest = new Map(); // projectId -> number of its latest card request, so an older answer never wins

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined) element.setAttribute(name, value);
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
    });
    return element;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(path + ' answered ' + response.status);
    return response.json();
  }

  function clock(date) {
    return [date.getHours(), date.getMinutes(), date.getSeconds()].map(n => String(n).padStart(2, '0')).join(':');
  }

  function stamp(asOf) {
    const figures = asOf ? ' · latest event ' + new Date(asOf).toLocaleString() : '';
    updated.textContent = 'updated ' + clock(new Date()) + figures;
  }

  function setConnection(state, text) {
    connection.dataset.state = state;
    connection.textContent = text;
  }

  function shown(count) {
    return count === null || count === undefined ? '<5' : String(count);
  }

  function bar(label, value, max, text) {
    return el('progress', { max: Math.max(max, 1), value: Math.min(Math.max(value, 0), Math.max(max, 1)), 'aria-label': label + ': ' + text }, text);
  }

  function targetItem(target) {
    const percent = target.unit === 'PERCENT';
    const unit = percent ? ' %' : '';
    const text = target.actual + unit + ' of ' + target.target + unit;
    const item = el('li', { class: 'target', 'data-target': target.code },
      el('div', { class: 'figure-row' }, el('span', { class: 'name' }, target.code),
        el('span', { class: 'figure' }, el('span', { class: 'actual' }, target.actual + unit), ' of ',
          el('span', { class: 'goal' }, target.target + unit))),
      bar(target.code, Number(target.actual), target.target, text));
    if (target.genderShares && Object.keys(target.genderShares).length > 0) item.append(balance(target));
    return item;
  }

  function balance(target) {
    const rows = GENDERS.filter(([code]) => code in target.genderShares || target.byGender[code] > 0).map(([code, label]) =>
      el('tr', { 'data-gender': code }, el('th', { scope: 'row' }, label),
        el('td', {}, code in target.genderShares ? target.genderShares[code] + ' %' : '–'),
        el('td', {}, target.actualShares ? target.actualShares[code] + ' %' : '–'),
        el('td', {}, target.byGender[code])));
    return el('table', { class: 'balance' },
      el('caption', {}, 'Gender balance of the ' + target.counted + ' counted'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Gender'), el('th', { scope: 'col' }, 'Wanted'),
        el('th', { scope: 'col' }, 'Actual'), el('th', { scope: 'col' }, 'Counted'))),
      el('tbody', {}, rows));
  }

  function esfTable(indicators) {
    return el('div', { class: 'table-scroll' }, el('table', { class: 'esf' },
      el('caption', {}, 'ESF+ indicators'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Indicator'), el('th', { scope: 'col' }, 'Total'),
        GENDERS.map(([, label]) => el('th', { scope: 'col' }, label)))),
      el('tbody', {}, indicators.map(indicator => el('tr', { 'data-code': indicator.code },
        el('th', { scope: 'row' }, indicator.code), el('td', {}, indicator.total),
        GENDERS.map(([code]) => el('td', {}, indicator.byGender[code])))))));
  }

  function card(id) {
    let found = cards.querySelector('[data-project-id="' + CSS.escape(id) + '"]');
    if (!found) {
      found = el('article', { class: 'card', 'data-project-id': id, 'aria-labelledby': 'card-' + id },
        el('h3', { id: 'card-' + id }, id));
      cards.append(found);
    }
    return found;
  }

  function renderCard(figures) {
    const article = card(figures.projectId);
    const open = article.querySelector('details') && article.querySelector('details').open;
    const planned = figures.plannedParticipants;
    article.classList.remove('stale');
    article.replaceChildren(
      el('h3', { id: 'card-' + figures.projectId }, figures.name),
      el('p', { class: 'meta' }, figures.region + ' (' + figures.nuts2 + ') · ' + figures.projectId),
      el('div', { class: 'figure-row participants' }, el('span', {}, 'Participants'),
        el('span', { class: 'figure' }, el('span', { class: 'actual' }, figures.participants), ' of ',
          el('span', { class: 'goal' }, planned), ' planned')),
      bar('Participants', figures.participants, planned, figures.participants + ' of ' + planned + ' planned'),
      el('h4', {}, 'Targets'),
      el('ul', { class: 'targets' }, figures.targets.map(targetItem)),
      el('details', open ? { open: '' } : {}, el('summary', {}, 'ESF+ indicators'), esfTable(figures.indicators)));
  }

  async function refreshProject(id) {
    const request = (latestRequest.get(id) || 0) + 1;
    latestRequest.set(id, request);
    try {
      const figures = await getJson('api/projects/' + encodeURIComponent(id) + '/indicators');
      if (latestRequest.get(id) === request) renderCard(figures);
    } catch (failure) {
      if (latestRequest.get(id) === request) card(id).classList.add('stale');
    }
  }

  function renderConsolidated(view) {
    const columns = view.projects.map(project => ({ id: project.projectId, indicators: project.indicators }))
      .concat([{ id: null, indicators: view.total.indicators }]);
    consolidated.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col' }, 'Indicator'),
      view.projects.map(project => el('th', { scope: 'col', 'data-project': project.projectId },
        project.name, el('br'), el('span', { class: 'meta' }, project.region))),
      el('th', { scope: 'col' }, 'Total')));
    const codes = view.total.indicators.map(indicator => indicator.code);
    consolidated.tBodies[0].replaceChildren(...codes.map((code, row) => el('tr', { 'data-code': code },
      el('th', { scope: 'row' }, code),
      columns.map(column => {
        const indicator = column.indicators[row];
        const cell = el('td', { 'data-project': column.id || 'total', 'data-code': code }, shown(indicator.total));
        cell.title = GENDERS.map(([gender, label]) => label + ' ' + shown(indicator.byGender[gender])).join(', ');
        if (indicator.total === null) cell.classList.add('suppressed');
        return cell;
      }))));
  }

  function show(view, changed) {
    renderConsolidated(view);
    view.projects.forEach(project => card(project.projectId)); // keeps the cards in the view's order for new projects
    changed.forEach(refreshProject);
    stamp(view.asOf);
  }

  function listen() {
    const source = new EventSource('api/indicators/stream');
    source.addEventListener('open', () => setConnection('live', 'Live'));
    source.addEventListener('indicators', message => {
      const data = JSON.parse(message.data);
      show(data.view, data.changed);
    });
    source.addEventListener('error', () => {
      setConnection('disconnected', 'Disconnected: reconnecting…');
      if (source.readyState === EventSource.CLOSED) { // the browser gave up (e.g. an error status): try again ourselves
        source.close();
        setTimeout(listen, 5000);
      }
    });
  }

  getJson('api/indicators')
    .then(view => show(view, view.projects.map(project => project.projectId)))
    .catch(() => { updated.textContent = 'Figures could not be loaded; waiting for the stream.'; })
    .finally(listen);
}());
