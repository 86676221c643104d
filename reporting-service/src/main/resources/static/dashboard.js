'use strict';
// The dashboard: figures from the indicator API, kept fresh by the live stream. No build step, nothing from outside.
// Callers sign in at the service's OpenID Connect issuer (authorization code with PKCE, S256) in this script; the
// access token lives in this page's memory only and goes with every API call as a bearer token.
(function () {
  const GENDERS = [['WOMAN', 'Women'], ['MAN', 'Men'], ['NON_BINARY', 'Non-binary'], ['NOT_STATED', 'Not stated']];
  const cards = document.getElementById('projects');
  const consolidated = document.getElementById('consolidated');
  const connection = document.getElementById('connection');
  const updated = document.getElementById('updated');
  const main = document.getElementById('figures');
  const message = document.getElementById('message');
  const currencyBanner = document.getElementById('currency');
  const NUMBER = new Intl.NumberFormat('en');
  const who = document.getElementById('who');
  const signInButton = document.getElementById('sign-in');
  const signOutButton = document.getElementById('sign-out');
  const dayForm = document.getElementById('day');
  const asOfInput = document.getElementById('as-of');
  const liveButton = document.getElementById('live');
  const latestRequest = new Map(); // projectId -> number of its latest card request, so an older answer never wins
  const PENDING = 'stegvis.dashboard.sign-in'; // sessionStorage: the PKCE verifier and state of a sign-in under way
  const FRESH_MILLIS = 30000; // a token refused sooner than this after sign-in is not an expired one: no new round trip

  let config = null; // the issuer's endpoints and this page's client id
  let session = null; // { token, signedInAt, subject } while signed in; never stored anywhere
  let order = []; // project ids in the consolidated view's order, for the cards
  let stream = null; // the AbortController of the open live stream
  let asOf = ''; // the earlier day whose figures are shown (YYYY-MM-DD), or '' for today's, kept live by the stream
  let streaming = false; // whether the live stream is open, to say so again when today's figures are chosen

  class Refused extends Error {
    constructor(status, path) {
      super(path + ' answered ' + status);
      this.status = status;
    }
  }

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

  /** The path of a view, of the day chosen (the API's asOf) unless the page shows today's. */
  function ofDay(path) {
    return asOf ? path + '?asOf=' + encodeURIComponent(asOf) : path;
  }

  async function getJson(path) {
    const response = await api(path, 'application/json');
    if (!response.ok) throw new Refused(response.status, path);
    return response.json();
  }

  /** A call to this service's API with the bearer token; a 401 (the token expired) signs in again. */
  async function api(path, accept) {
    if (!session) throw new Refused(401, path);
    const response = await fetch(path, { headers: { Accept: accept, Authorization: 'Bearer ' + session.token },
      cache: 'no-store', signal: stream ? stream.signal : undefined });
    if (response.status === 401) expired();
    return response;
  }

  function say(text, kind) {
    message.textContent = text || '';
    message.hidden = !text;
    if (kind) message.dataset.kind = kind; else delete message.dataset.kind;
  }

  function clock(date) {
    return [date.getHours(), date.getMinutes(), date.getSeconds()].map(n => String(n).padStart(2, '0')).join(':');
  }

  function stamp(view, final) {
    const day = view.asOfDate ? ' · figures of ' + view.asOfDate + (asOf ? '' : ' (today, live)') : '';
    const figures = view.asOf ? ' · latest event ' + new Date(view.asOf).toLocaleString() : '';
    updated.textContent = 'updated ' + clock(new Date()) + day + figures + (final ? '' : ' · not final');
  }

  function events(count) {
    return NUMBER.format(count) + (count === 1 ? ' event' : ' events');
  }

  /**
   * What the banner says about the view's currency (how current its figures are), or null while they are final
   * (CURRENT). A view without one (an older service) says nothing either way.
   */
  function currencyText(currency) {
    if (!currency || currency.state === 'CURRENT') return null;
    const known = count => count !== null && count !== undefined;
    const rebuild = known(currency.toReplay)
      ? 'Rebuilding: ' + NUMBER.format(currency.replayed) + ' of ' + events(currency.toReplay)
      : 'Rebuilding: starting';
    const notFinal = ' The figures shown are not final.';
    if (currency.state === 'REBUILDING') return rebuild + '.' + notFinal;
    if (currency.state === 'BEHIND') {
      return (known(currency.behindBy) ? 'Behind by ' + events(currency.behindBy) : 'Catching up: not every event is counted yet')
        + '.' + notFinal;
    }
    if (currency.state === 'WAITING') {
      const aside = known(currency.replayed) ? ' (' + rebuild + ')'
        : known(currency.behindBy) && currency.behindBy > 0 ? ' (' + events(currency.behindBy) + ' not yet counted)' : '';
      return 'Waiting for a service the figures depend on' + aside + '.' + notFinal;
    }
    return 'The figures shown are not final.'; // a state this page does not know
  }

  /** The banner while the figures are not final, gone once they are; its text only set when it changes. */
  function showCurrency(currency) {
    const text = currencyText(currency);
    if (currencyBanner.textContent !== (text || '')) currencyBanner.textContent = text || '';
    currencyBanner.hidden = !text;
    if (text) {
      currencyBanner.dataset.state = currency.state;
      main.dataset.currency = currency.state;
    } else {
      delete currencyBanner.dataset.state;
      delete main.dataset.currency;
    }
    return !text;
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
    const actual = target.actual === null ? '–' : target.actual;
    const text = actual + unit + ' of ' + target.target + unit;
    const item = el('li', { class: 'target', 'data-target': target.code },
      el('div', { class: 'figure-row' }, el('span', { class: 'name' }, target.code),
        el('span', { class: 'figure' }, el('span', { class: 'actual' }, actual + unit), ' of ',
          el('span', { class: 'goal' }, target.target + unit))),
      bar(target.code, Number(target.actual), target.target, text));
    if (percent || target.targetGroup) {
      // Whom the target is measured among: its group, those whose follow-up point has come.
      item.append(el('p', { class: 'meta denominator' }, target.counted + ' of ' + target.denominator + ' counted'
        + (target.targetGroup ? ' · ' + target.targetGroup : '') + (target.followUp ? ' · at ' + target.followUp : '')));
    }
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
    const groups = indicators.length > 0 ? Object.keys(indicators[0].byTargetGroup || {}) : [];
    return el('div', { class: 'table-scroll' }, el('table', { class: 'esf' },
      el('caption', {}, 'ESF+ indicators, by gender and by target group'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Indicator'), el('th', { scope: 'col' }, 'Total'),
        GENDERS.map(([, label]) => el('th', { scope: 'col' }, label)),
        groups.map(group => el('th', { scope: 'col', 'data-target-group': group }, group)))),
      el('tbody', {}, indicators.map(indicator => el('tr', { 'data-code': indicator.code },
        el('th', { scope: 'row' }, indicator.code), el('td', {}, indicator.total),
        GENDERS.map(([code]) => el('td', {}, indicator.byGender[code])),
        groups.map(group => el('td', { 'data-target-group': group }, indicator.byTargetGroup[group])))))));
  }

  function existingCard(id) {
    return cards.querySelector('[data-project-id="' + CSS.escape(id) + '"]');
  }

  /** The project's card, made (in the view's order) only once the project has answered with its exact figures. */
  function card(id) {
    let found = existingCard(id);
    if (!found) {
      found = el('article', { class: 'card', 'data-project-id': id, 'aria-labelledby': 'card-' + id },
        el('h3', { id: 'card-' + id }, id));
      const next = order.slice(order.indexOf(id) + 1).map(existingCard).find(Boolean);
      cards.insertBefore(found, order.includes(id) && next ? next : null);
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
      const figures = await getJson(ofDay('api/projects/' + encodeURIComponent(id) + '/indicators'));
      if (latestRequest.get(id) === request && session) renderCard(figures);
    } catch (failure) {
      if (latestRequest.get(id) !== request) return;
      const shown = existingCard(id);
      if (failure.status === 403 || failure.status === 404) {
        if (shown) shown.remove(); // not (or no longer) staff or owner of this project: its exact figures are not for us
      } else if (shown) {
        shown.classList.add('stale');
      }
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
    if (!session) return;
    order = view.projects.map(project => project.projectId);
    renderConsolidated(view);
    changed.forEach(refreshProject);
    stamp(view, showCurrency(view.currency));
  }

  /** Server-sent events read from a fetch (EventSource cannot send the token): each event to the handler. */
  async function readEvents(response, signal, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let type = '';
    let data = [];
    let retry = null;
    signal.addEventListener('abort', () => reader.cancel().catch(() => {}));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return retry;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        if (buffer[end] === '\r' && end + 1 === buffer.length) break; // a CR that may yet be followed by its LF
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
        if (line === '') { // the blank line ends an event
          if (data.length > 0) onEvent(type || 'message', data.join('\n'));
          type = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue; // a comment: the heartbeat
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
        if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
        if (field === 'event') type = fieldValue;
        else if (field === 'data') data.push(fieldValue);
        else if (field === 'retry' && /^\d+$/.test(fieldValue)) retry = Number(fieldValue);
      }
    }
  }

  async function listen() {
    if (!session) return;
    const controller = new AbortController();
    stream = controller;
    let wait = 3000;
    try {
      const response = await api('api/indicators/stream', 'text/event-stream');
      if (response.status === 403) {
        notAMember();
        return;
      }
      if (!response.ok) {
        const after = Number(response.headers.get('Retry-After'));
        if (after > 0) wait = after * 1000;
        throw new Refused(response.status, 'api/indicators/stream');
      }
      streaming = true;
      if (asOf) setConnection('paused', 'Not live: figures of ' + asOf); else setConnection('live', 'Live');
      const retry = await readEvents(response, controller.signal, (type, data) => {
        if (type !== 'indicators' || asOf) return; // the stream is today's: an earlier day's figures stay as loaded
        const event = JSON.parse(data);
        show(event.view, event.changed);
      });
      if (retry !== null) wait = retry;
    } catch (failure) {
      if (failure.status === 401) return; // signing in again
    }
    if (stream !== controller || controller.signal.aborted || !session) return;
    // The server ended the stream, or it broke: connect again, and the first event catches up on what was missed.
    streaming = false;
    setConnection('disconnected', 'Disconnected: reconnecting…');
    setTimeout(() => { if (stream === controller && session) listen(); }, wait);
  }

  function notAMember() {
    if (stream) stream.abort();
    stream = null;
    main.hidden = true;
    showCurrency(null);
    setConnection('refused', 'No access');
    updated.textContent = '';
    say('You are signed in, but you are not a member of any project, so there are no figures for you here. ' +
      'Ask a project owner to add you, then reload this page.', 'problem');
  }

  /** The figures of the day chosen (or today's, again live): the whole view, then every card. */
  async function showDay() {
    say('');
    try {
      const view = await getJson(ofDay('api/indicators'));
      cards.replaceChildren();
      show(view, view.projects.map(project => project.projectId));
    } catch (failure) {
      if (failure.status === 400) say('No figures for ' + asOf + ': choose a day up to today.', 'problem');
      else if (failure.status !== 401) say('The figures of that day could not be loaded.', 'problem');
    }
  }

  function chooseDay(day) {
    asOf = day || '';
    asOfInput.value = asOf;
    if (asOf) setConnection('paused', 'Not live: figures of ' + asOf);
    else if (streaming) setConnection('live', 'Live');
    else setConnection('disconnected', 'Disconnected: reconnecting…');
    showDay();
  }

  async function start() {
    main.hidden = false;
    dayForm.hidden = false;
    asOfInput.max = new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD, today where the page is
    setConnection('connecting', 'Connecting…');
    updated.textContent = 'Loading figures…';
    stream = new AbortController(); // replaced by the live stream's own; aborted by signing out
    try {
      const view = await getJson(ofDay('api/indicators'));
      show(view, view.projects.map(project => project.projectId));
    } catch (failure) {
      if (failure.status === 403) {
        notAMember();
        return;
      }
      if (failure.status === 401) return;
      updated.textContent = 'Figures could not be loaded; waiting for the stream.';
    }
    listen();
  }

  // Signing in: authorization code with PKCE at the issuer named by /dashboard-config.json.

  function randomText(bytes) {
    return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
  }

  function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** Where the issuer sends the browser back: this page's own address, without query or fragment. */
  function redirectUri() {
    return new URL('.', window.location.href).href;
  }

  async function loadConfig() {
    const response = await fetch('dashboard-config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error('dashboard-config.json answered ' + response.status);
    const settings = await response.json();
    const issuer = settings.issuer.replace(/\/+$/, '');
    const discovery = await fetch(issuer + '/.well-known/openid-configuration',
      { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!discovery.ok) throw new Error('the issuer\'s discovery answered ' + discovery.status);
    const metadata = await discovery.json();
    if (metadata.issuer.replace(/\/+$/, '') !== issuer) throw new Error('the issuer\'s discovery names another issuer');
    return { clientId: settings.clientId, authorize: metadata.authorization_endpoint, token: metadata.token_endpoint };
  }

  async function signIn() {
    signInButton.disabled = true;
    try {
      if (!config) config = await loadConfig();
      const verifier = randomText(32);
      const state = randomText(16);
      const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
      sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, redirectUri: redirectUri() }));
      const query = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(),
        scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
      window.location.assign(config.authorize + '?' + query);
    } catch (failure) {
      signInButton.disabled = false;
      say('Signing in is not possible right now (' + failure.message + '). Try again later.', 'problem');
    }
  }

  /** The API refused the token: sign in again, unless it was just given (then it is not an expiry, and a loop). */
  function expired() {
    if (!session) return; // another call already found it out
    const fresh = session && Date.now() - session.signedInAt < FRESH_MILLIS;
    forget();
    if (fresh) {
      say('The service did not accept your sign-in. Try again, or ask for your account to be checked.', 'problem');
      signedOut();
    } else {
      updated.textContent = 'Your sign-in has expired: signing in again…';
      signIn();
    }
  }

  /** Back from the issuer with ?code=…&state=… (or ?error=…): take the code, and the address is clean again. */
  async function finishSignIn(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    if (params.has('error') || !pending || params.get('state') !== pending.state || !params.get('code')) {
      say(params.has('error') ? 'The sign-in was not completed (' + params.get('error') + ').'
        : 'That sign-in could not be completed here. Sign in again.', 'problem');
      return null;
    }
    const response = await fetch(config.token, {
      method: 'POST', credentials: 'omit', headers: { Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
        redirect_uri: pending.redirectUri, client_id: config.clientId, code_verifier: pending.verifier }) });
    if (!response.ok) {
      say('The issuer did not complete the sign-in (' + response.status + '). Sign in again.', 'problem');
      return null;
    }
    const tokens = await response.json();
    return { token: tokens.access_token, signedInAt: Date.now(), subject: subjectOf(tokens.id_token) };
  }

  /** Whom the ID token names, only to show it; the token itself is checked by the service, not here. */
  function subjectOf(idToken) {
    try {
      const payload = idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(payload), character => character.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes)).sub || '';
    } catch (failure) {
      return '';
    }
  }

  function forget() {
    session = null;
    if (stream) stream.abort();
    stream = null;
    latestRequest.clear();
    cards.replaceChildren();
    consolidated.tHead.replaceChildren();
    consolidated.tBodies[0].replaceChildren();
    showCurrency(null);
    main.hidden = true;
    dayForm.hidden = true;
    streaming = false;
    asOf = '';
    asOfInput.value = '';
    who.textContent = '';
    signOutButton.hidden = true;
  }

  function signedOut() {
    signInButton.hidden = false;
    signInButton.disabled = false;
    setConnection('signed-out', 'Signed out');
    updated.textContent = 'Sign in to see the figures of your projects.';
  }

  signInButton.addEventListener('click', () => {
    say('');
    signIn();
  });
  asOfInput.addEventListener('change', () => chooseDay(asOfInput.value));
  liveButton.addEventListener('click', () => chooseDay(''));
  signOutButton.addEventListener('click', () => {
    forget();
    say('You are signed out here. The issuer may still know you: sign out there too on a shared computer.');
    signedOut();
  });

  (async function boot() {
    const params = new URLSearchParams(window.location.search);
    const returning = params.has('code') || params.has('error');
    if (returning) { // before anything else: the code and state leave the address and the history
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
    }
    try {
      config = await loadConfig();
    } catch (failure) {
      say('Signing in is not possible right now (' + failure.message + ').', 'problem');
      signedOut();
      return;
    }
    session = returning ? await finishSignIn(params).catch(failure => {
      say('The sign-in could not be completed (' + failure.message + '). Sign in again.', 'problem');
      return null;
    }) : null;
    if (!session) {
      signedOut();
      return;
    }
    signInButton.hidden = true;
    signOutButton.hidden = false;
    who.textContent = session.subject ? 'Signed in as ' + session.subject : 'Signed in';
    start();
  }());
}());
