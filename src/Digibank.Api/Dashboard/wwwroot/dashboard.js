// Live dashboard of one region's Digibank: a GraphQL snapshot over HTTP, then live events
// over graphql-transport-ws. The server wrote the region into the page (data-region on <body>). Plain JavaScript, no build step, nothing loaded from elsewhere.
"use strict";

(() => {
  const GRAPHQL_PATH = "/graphql";
  const TOKEN_KEY = "digibank.dashboard.token";
  const FEED_LIMIT = 50;
  const SUBSCRIPTION_ID = "dashboard";
  const MAX_BACKOFF_MS = 30_000;
  // A connection only counts as healthy once it stayed up this long; otherwise a server that acks
  // and then drops us at once would be retried every second forever.
  const HEALTHY_AFTER_MS = 10_000;

  const SUBSCRIPTION = `subscription DashboardEvents($region: String) {
  dashboardEvents(region: $region) { kind at summary municipality { name } helpPoint { name } partner { name } course { id title seatsLeft waitingListLength } }
}`;

  const KINDS = {
    SIGN_UP: "Inschrijving",
    SIGN_UP_CANCELLED: "Inschrijving geannuleerd",
    SIGN_UP_UPDATED: "Inschrijving bijgewerkt",
    LOAN: "Toestel uitgeleend",
    RETURN: "Toestel teruggebracht",
    HELP_REQUEST: "Hulpvraag",
    HELP_REQUEST_UPDATED: "Hulpvraag bijgewerkt",
    COURSE_AVAILABILITY: "Plaatsen in een opleiding",
    DEVICE_AVAILABILITY: "Toestellen bijgewerkt",
    PARTNER_SYNC: "Partner bijgewerkt",
    CALL_TASK: "Bellijst",
  };
  const REASONS = {
    SIGN_UP_CONFIRMED: "Ingeschreven",
    SIGN_UP_WAITLISTED: "Op de wachtlijst",
    MOVED_UP_FROM_WAITING_LIST: "Plaats vrijgekomen",
    HOME_VISIT_PLANNED: "Huisbezoek gepland",
    COURSE_WITHDRAWN: "Cursus gaat niet door",
    COURSE_CANCELLED: "Cursus geannuleerd",
    COURSE_RESCHEDULED: "Nieuwe datum",
    SESSION_CANCELLED: "Les gaat niet door",
    SESSION_MOVED: "Les verplaatst",
    SESSION_REMINDER: "Les morgen",
    RESERVATION_READY: "Toestel ligt klaar",
    LOAN_DUE_SOON: "Toestel binnenkort terug",
    LOAN_OVERDUE: "Toestel te laat",
  };
  // A staff member sees the call lists of at most this many of their help points.
  const CALL_LIST_POINTS = 5;
  const NEGATIVE_KINDS = new Set(["SIGN_UP_CANCELLED"]);
  const DEVICE_KINDS = ["SMARTPHONE", "TABLET", "LAPTOP"];
  const REGION = document.body.dataset.region || null;
  const REGION_ID = document.body.dataset.regionId || null;
  // The region's towns, as the API's ids: the catalogue and the devices are shown for these only.
  const TOWNS = new Set((document.body.dataset.towns || "").split(" ").filter(Boolean));
  const inRegion = (municipality) => !REGION || (municipality && TOWNS.has(municipality.id));
  const SMALL = `< ${document.body.dataset.threshold || 5}`;
  const OUTCOMES = {
    SUCCEEDED: "Gelukt",
    FAILED: "Mislukt",
    TIMED_OUT: "Duurde te lang",
    NEEDS_CONFIRMATION: "Wacht op bevestiging",
    QUARANTINED: "In quarantaine",
  };

  const numberFormat = new Intl.NumberFormat("nl-BE");
  const timeFormat = new Intl.DateTimeFormat("nl-BE", { hour: "2-digit", minute: "2-digit" });
  const dateTimeFormat = new Intl.DateTimeFormat("nl-BE", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  const dayFormat = new Intl.DateTimeFormat("nl-BE", { day: "numeric", month: "short" });
  const monthFormat = new Intl.DateTimeFormat("nl-BE", { month: "short", year: "numeric" });
  const monthLongFormat = new Intl.DateTimeFormat("nl-BE", { month: "long", year: "numeric" });

  const $ = (id) => document.getElementById(id);

  const state = {
    token: null,
    counters: { signUpsToday: null, signUpsPeriod: null, loans: null, help: null, waiting: null, courses: null },
    courses: new Map(), // course id -> { seatsLeft, waitingListLength }
    reachArgs: undefined, // undefined: not asked yet; null: the server has no reach statistics
    snapshotRun: 0,
    refreshTimers: {},
  };

  // ---------------------------------------------------------------- token

  function readToken() {
    const params = new URLSearchParams(location.search);
    const fromUrl = params.get("token");
    if (fromUrl) {
      sessionStorage.setItem(TOKEN_KEY, fromUrl.trim());
      // The token must not stay in the address bar, the history or a bookmark.
      params.delete("token");
      // The region stays in the address, so that reloading shows the same region.
      if (REGION && !params.has("region")) {
        params.set("region", REGION);
      }
      const rest = params.toString();
      history.replaceState(null, "", location.pathname + (rest ? `?${rest}` : "") + location.hash);
    }
    state.token = sessionStorage.getItem(TOKEN_KEY);
  }

  // What the token says about its holder; the server checks the signature, the page only reads it.
  function claimsOf(token) {
    try {
      const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const json = decodeURIComponent(Array.from(atob(part), (c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
      return JSON.parse(json);
    } catch {
      return {};
    }
  }

  function staffName(token) {
    const claims = claimsOf(token);
    return claims.name || claims["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"] || "medewerker";
  }

  function showSignIn(message) {
    const signedIn = Boolean(state.token);
    $("signin-form").hidden = signedIn;
    $("signed-in").hidden = !signedIn;
    if (signedIn) {
      $("staff-name").textContent = staffName(state.token);
    }
    $("signin-message").textContent = message || "";
    $("signin-message").hidden = !message;
  }

  function setToken(token, message) {
    state.token = token || null;
    if (state.token) {
      sessionStorage.setItem(TOKEN_KEY, state.token);
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
    }
    showSignIn(message);
    state.reachArgs = undefined;
    loadSnapshot();
    live.restart();
  }

  // ---------------------------------------------------------------- GraphQL over HTTP

  class TokenRefused extends Error {}

  async function graphql(query, variables) {
    const headers = { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" };
    if (state.token) {
      headers.Authorization = `Bearer ${state.token}`;
    }
    const response = await fetch(GRAPHQL_PATH, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    if (response.status === 401) {
      throw new TokenRefused();
    }
    const body = await response.json();
    return { data: body.data || null, errors: body.errors || [] };
  }

  const CATALOGUE = `query DashboardCatalogue($after: String) {
  courses(first: 100, after: $after, where: { status: { in: [SCHEDULED, FULL] } }) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id seatsLeft waitingListLength municipality { id } }
  }
}`;

  const PUBLIC = `query DashboardPublic {
  deviceAvailability { helpPoint { id name isOpenNow nextOpenAt closures { reason } municipality { id name } } kind total available onLoan waiting nextReturnDueAt }
  partners(first: 100, order: [{ name: ASC }]) {
    nodes { code name lastSync { finishedAt outcome error offersCreated offersUpdated offersWithdrawn offersRejected } heldWithdrawal { coursesToWithdraw activeCourses } }
  }
}`;

  const STAFF = `query DashboardStaff {
  open: helpRequests(first: 1, status: OPEN) { totalCount }
  assigned: helpRequests(first: 1, status: ASSIGNED) { totalCount }
  scheduled: helpRequests(first: 1, status: SCHEDULED) { totalCount }
}`;

  const CALL_LIST = `query DashboardCallList($point: ID) {
  callList(helpPointId: $point) { id reason outcome createdAt script helpPoint { name } participant { firstName phone } }
}`;

  const MARK_CALLED = `mutation DashboardMarkCalled($input: MarkCalledInput!) {
  markCalled(input: $input) { callTask { id outcome } errors { ... on Error { message } } }
}`;

  const QUERY_FIELDS = `query DashboardQueryFields {
  __type(name: "Query") { fields { name args { name type { kind name ofType { kind name } } } } }
}`;

  async function loadCatalogue() {
    const courses = new Map();
    let after = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const { data, errors } = await graphql(CATALOGUE, { after });
      if (!data) {
        throw new Error(errors.map((e) => e.message).join(" "));
      }
      total = data.courses.totalCount;
      for (const course of data.courses.nodes.filter((c) => inRegion(c.municipality))) {
        courses.set(course.id, { seatsLeft: course.seatsLeft, waitingListLength: course.waitingListLength });
      }
      if (!data.courses.pageInfo.hasNextPage) {
        break;
      }
      after = data.courses.pageInfo.endCursor;
    }
    state.courses = courses;
    state.counters.courses = REGION ? courses.size : total;
    renderCatalogue();
  }

  async function loadPublic(parts = { devices: true, partners: true }) {
    const { data, errors } = await graphql(PUBLIC);
    if (!data) {
      throw new Error(errors.map((e) => e.message).join(" "));
    }
    if (parts.devices) {
      const rows = data.deviceAvailability.filter((row) => inRegion(row.helpPoint.municipality));
      renderDevices(rows);
      setCounter("loans", rows.reduce((sum, row) => sum + row.onLoan, 0));
    }
    if (parts.partners) {
      renderPartners(data.partners.nodes);
    }
  }

  async function loadStaff() {
    if (!state.token) {
      setCounter("help", null);
      $("note-help").textContent = "Meld u aan om dit te zien";
      return;
    }
    const { data } = await graphql(STAFF);
    if (!data || !data.open) {
      setCounter("help", null);
      $("note-help").textContent = "Niet zichtbaar met deze toegangscode";
      return;
    }
    setCounter("help", data.open.totalCount + data.assigned.totalCount + data.scheduled.totalCount);
    $("note-help").textContent = "nog niet opgelost";
  }

  // The help points in the staff token, as the API's ids; none for a coordinator or a signed-out page.
  function helpPointsOf(token) {
    const claim = claimsOf(token).help_point;
    const ids = Array.isArray(claim) ? claim : claim ? [claim] : [];
    return ids.map((id) => btoa(`HelpPoint:${id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  }

  function isCoordinator(token) {
    const claims = claimsOf(token);
    return (claims.role || claims["http://schemas.microsoft.com/ws/2008/06/identity/claims/role"]) === "Coordinator";
  }

  // The call lists to show: those of the help points in the token, and for the coordinator their own list (null).
  function callListsOf(token) {
    if (!token) {
      return [];
    }
    const points = helpPointsOf(token).slice(0, CALL_LIST_POINTS);
    return isCoordinator(token) ? [null, ...points] : points;
  }

  async function loadCalls() {
    const points = callListsOf(state.token);
    $("calls-block").hidden = points.length === 0;
    if (!points.length) {
      return;
    }
    const tasks = [];
    for (const point of points) {
      const { data } = await graphql(CALL_LIST, { point });
      tasks.push(...(data?.callList || []));
    }
    renderCalls(tasks);
  }

  function renderCalls(tasks) {
    $("calls-empty").hidden = tasks.length > 0;
    $("calls").replaceChildren(...tasks.map((task) => {
      const person = task.participant || {};
      const phone = person.phone ? element("a", { href: `tel:${person.phone}`, class: "phone" }, person.phone) : element("span", { class: "phone" }, "geen nummer: aan de balie");
      const reached = element("button", { type: "button", "data-call": task.id, "data-reached": "true" }, "Bereikt");
      const notReached = element("button", { type: "button", "data-call": task.id, "data-reached": "false", class: "secondary" }, "Niet bereikt");
      const when = task.createdAt ? dateTimeFormat.format(new Date(task.createdAt)) : "";
      return element("li", { class: task.outcome === "NOT_REACHED" ? "call not-reached" : "call" },
        element("div", { class: "who" }, element("strong", {}, person.firstName || "Iemand"), " ", phone),
        element("div", { class: "why" }, REASONS[task.reason] || task.reason, task.helpPoint ? ` · ${task.helpPoint.name}` : "", when ? ` · ${when}` : "",
          task.outcome === "NOT_REACHED" ? " · nog niet bereikt" : ""),
        element("details", {}, element("summary", {}, "Tekst om voor te lezen"), element("pre", { class: "script" }, task.script || "")),
        element("div", { class: "actions" }, reached, notReached));
    }));
  }

  async function markCalled(callTaskId, reached) {
    const { data, errors } = await graphql(MARK_CALLED, { input: { callTaskId, reached } });
    const problem = errors[0]?.message || data?.markCalled?.errors?.[0]?.message;
    $("snapshot-message").textContent = problem ? `Niet bewaard: ${problem}` : "";
    await loadCalls();
  }

  // The reach statistics query is new; its argument types are read from the schema so the page
  // works whether `from`/`to` are dates or date-times, and says so when the server lacks it.
  async function reachArguments() {
    if (state.reachArgs !== undefined) {
      return state.reachArgs;
    }
    const { data } = await graphql(QUERY_FIELDS);
    const field = data?.__type?.fields?.find((f) => f.name === "reachStatistics");
    if (!field) {
      state.reachArgs = null;
      return null;
    }
    const typeOf = (name) => {
      const arg = field.args.find((a) => a.name === name);
      if (!arg) {
        return null;
      }
      return arg.type.kind === "NON_NULL" ? `${arg.type.ofType.name}!` : arg.type.name;
    };
    state.reachArgs = { from: typeOf("from"), to: typeOf("to") };
    return state.reachArgs;
  }

  function periodRange(choice, now = new Date()) {
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    if (choice === "month") {
      return { from: new Date(now.getFullYear(), now.getMonth(), 1), to: today };
    }
    if (choice === "year") {
      return { from: new Date(now.getFullYear(), 0, 1), to: today };
    }
    return { from: new Date(now.getFullYear(), now.getMonth() - 11, 1), to: today };
  }

  function isoDate(date) {
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  }

  function argumentValue(type, date, endOfDay) {
    if (/time/i.test(type)) {
      const moment = endOfDay ? new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1) : date;
      return moment.toISOString();
    }
    return isoDate(date);
  }

  async function loadReach() {
    const signedOutNote = "Meld u aan om dit te zien";
    if (!state.token) {
      showReach(null, "De bereikcijfers zijn alleen voor medewerkers. Meld u bovenaan aan met uw toegangscode.");
      setCounter("signUpsToday", null);
      setCounter("signUpsPeriod", null);
      $("note-signups-today").textContent = signedOutNote;
      $("note-signups-period").textContent = signedOutNote;
      return;
    }
    const args = await reachArguments();
    if (!args || !args.from || !args.to) {
      showReach(null, "De bereikcijfers zijn nog niet beschikbaar op deze server.");
      setCounter("signUpsToday", null);
      setCounter("signUpsPeriod", null);
      $("note-signups-today").textContent = "Nog niet beschikbaar";
      $("note-signups-period").textContent = "Nog niet beschikbaar";
      return;
    }
    const choice = $("period-select").value;
    const range = periodRange(choice);
    const query = `query DashboardReach($from: ${args.from}, $to: ${args.to}, $today: ${args.from}, $todayEnd: ${args.to}) {
  period: reachStatistics(from: $from, to: $to) {
    peopleReached signUps loans helpRequests homeVisits
    byMonth { month peopleReached suppressed }
    byMunicipality { municipality { name } peopleReached suppressed }
  }
  today: reachStatistics(from: $today, to: $todayEnd) { signUps suppressed }
}`;
    const { data, errors } = await graphql(query, {
      from: argumentValue(args.from, range.from, false),
      to: argumentValue(args.to, range.to, true),
      today: argumentValue(args.from, range.to, false),
      todayEnd: argumentValue(args.to, range.to, true),
    });
    if (!data || !data.period) {
      const denied = errors.some((e) => /AUTH/.test(e.extensions?.code || ""));
      showReach(null, denied ? "Uw toegangscode geeft geen toegang tot de bereikcijfers." : "De bereikcijfers konden niet geladen worden.");
      setCounter("signUpsToday", null);
      setCounter("signUpsPeriod", null);
      return;
    }
    // Figures below the disclosure threshold come back as null: say so rather than show a dash.
    setCounter("signUpsToday", data.today ? data.today.signUps : null, SMALL);
    setCounter("signUpsPeriod", data.period.signUps, SMALL);
    $("note-signups-today").textContent = "ook op de wachtlijst";
    $("note-signups-period").textContent = $("period-select").selectedOptions[0].textContent.toLowerCase();
    showReach(data.period, "");
  }

  async function loadSnapshot() {
    const run = ++state.snapshotRun;
    const results = await Promise.allSettled([loadCatalogue(), loadPublic(), loadStaff(), loadReach(), loadCalls()]);
    if (results.some((r) => r.status === "rejected" && r.reason instanceof TokenRefused)) {
      setToken(null, "Uw toegangscode is niet (meer) geldig. Vraag een nieuwe aan de coördinator.");
      return;
    }
    if (run !== state.snapshotRun) {
      return;
    }
    const failed = results.filter((r) => r.status === "rejected");
    $("snapshot-message").textContent = failed.length
      ? "Niet alles kon geladen worden; we proberen het opnieuw bij de volgende verbinding."
      : "";
    $("updated-at").textContent = timeFormat.format(new Date());
    document.body.dataset.snapshots = String(Number(document.body.dataset.snapshots) + 1);
  }

  // Several events in a short time lead to one reload, not one per event.
  function refreshSoon(part) {
    clearTimeout(state.refreshTimers[part]);
    state.refreshTimers[part] = setTimeout(() => {
      const task = part === "help" ? loadStaff()
        : part === "calls" ? loadCalls()
        : loadPublic({ devices: part === "devices", partners: part === "partners" });
      task.catch(() => {});
    }, 400);
  }

  // ---------------------------------------------------------------- rendering

  function setCounter(name, value, placeholder = "—") {
    const previous = state.counters[name];
    state.counters[name] = value;
    const ids = { signUpsToday: "counter-signups-today", signUpsPeriod: "counter-signups-period", loans: "counter-loans", help: "counter-help", waiting: "counter-waiting", courses: "counter-courses" };
    const element = $(ids[name]);
    element.textContent = value === null || value === undefined ? placeholder : numberFormat.format(value);
    if (previous !== null && previous !== undefined && value !== previous) {
      const card = element.closest(".counter");
      card.classList.add("changed");
      setTimeout(() => card.classList.remove("changed"), 1500);
    }
  }

  function bumpCounter(name, delta) {
    if (state.counters[name] !== null && state.counters[name] !== undefined) {
      setCounter(name, Math.max(0, state.counters[name] + delta));
    }
  }

  function renderCatalogue() {
    let waiting = 0;
    let seats = 0;
    for (const course of state.courses.values()) {
      waiting += course.waitingListLength;
      seats += course.seatsLeft;
    }
    setCounter("waiting", waiting);
    setCounter("courses", state.counters.courses);
    $("note-courses").textContent = `${numberFormat.format(seats)} vrije plaatsen`;
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === "class") {
        node.className = value;
      } else {
        node.setAttribute(key, value);
      }
    }
    for (const child of children) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function renderDevices(rows) {
    const points = new Map();
    for (const row of rows) {
      const point = points.get(row.helpPoint.id) || { name: row.helpPoint.name, town: row.helpPoint.municipality.name, open: row.helpPoint, kinds: {}, waiting: 0 };
      point.kinds[row.kind] = row;
      point.waiting += row.waiting;
      points.set(row.helpPoint.id, point);
    }
    const sorted = [...points.values()].sort((a, b) => a.town.localeCompare(b.town, "nl") || a.name.localeCompare(b.name, "nl"));
    const body = $("devices-table").tBodies[0];
    body.replaceChildren(...sorted.map((point) => element("tr", {},
      element("th", { scope: "row" }, point.name),
      element("td", {}, point.town),
      element("td", { class: "open" }, openState(point.open)),
      ...DEVICE_KINDS.map((kind) => element("td", {}, availability(point.kinds[kind]))),
      element("td", { class: "num" }, numberFormat.format(point.waiting)))));
    $("devices-empty").hidden = sorted.length > 0;
  }

  // Open now, or when next: public holidays and the point's closures are in the API's answer already.
  function openState(point) {
    if (point.isOpenNow) {
      return element("span", { class: "open-now" }, "Nu open");
    }
    const reason = point.closures?.[0]?.reason;
    const next = point.nextOpenAt ? `open vanaf ${dateTimeFormat.format(new Date(point.nextOpenAt))}` : "voorlopig gesloten";
    return element("span", {}, element("span", { class: "closed" }, "Gesloten"), element("span", { class: "hint" }, reason ? `${reason}; ${next}` : next));
  }

  function availability(row) {
    if (!row || row.total === 0) {
      return element("span", { class: "hint" }, "geen");
    }
    const meter = element("span", { class: "meter", "aria-hidden": "true" }, element("span"));
    meter.firstChild.style.width = `${Math.round((100 * row.available) / row.total)}%`;
    const text = element("span", row.available === 0 ? { class: "none-free" } : {}, `${row.available} van ${row.total}`);
    const cell = element("span", { class: "avail" }, meter, text);
    if (row.available === 0 && row.nextReturnDueAt) {
      return element("span", {}, cell, element("span", { class: "hint" }, `terug verwacht ${dayFormat.format(new Date(row.nextReturnDueAt))}`));
    }
    return cell;
  }

  function renderPartners(partners) {
    const body = $("partners-table").tBodies[0];
    const dayAgo = Date.now() - 24 * 3600 * 1000;
    body.replaceChildren(...partners.map((partner) => {
      const sync = partner.lastSync;
      if (!sync) {
        return element("tr", {}, element("th", { scope: "row" }, partner.name), element("td", { colspan: "3", class: "hint" }, "Geen automatische koppeling"));
      }
      const when = new Date(sync.finishedAt);
      const changes = [];
      if (sync.offersCreated) changes.push(`${sync.offersCreated} nieuw`);
      if (sync.offersUpdated) changes.push(`${sync.offersUpdated} gewijzigd`);
      if (sync.offersWithdrawn) changes.push(`${sync.offersWithdrawn} ingetrokken`);
      if (sync.offersRejected) changes.push(`${sync.offersRejected} geweigerd`);
      // Only staff get the hold's figures and the run's error; others see the outcome alone.
      const held = partner.heldWithdrawal;
      if (held) changes.push(`${held.coursesToWithdraw} van ${held.activeCourses} cursussen intrekken wacht op bevestiging`);
      const outcome = element("td", {}, element("span", { class: `outcome-${sync.outcome}` }, OUTCOMES[sync.outcome] || sync.outcome));
      if (sync.error && sync.outcome !== "SUCCEEDED") {
        outcome.append(element("span", { class: "hint reason" }, `Reden: ${sync.error}`));
      }
      return element("tr", {},
        element("th", { scope: "row" }, partner.name),
        element("td", when.getTime() < dayAgo ? { class: "old" } : {}, element("time", { datetime: sync.finishedAt }, dateTimeFormat.format(when))),
        outcome,
        element("td", {}, changes.length ? changes.join(", ") : "niets veranderd"));
    }));
  }

  function showReach(reach, message) {
    $("reach-message").textContent = message;
    $("reach-content").hidden = !reach;
    if (!reach) {
      return;
    }
    const show = (id, value) => { $(id).textContent = value === null || value === undefined ? SMALL : numberFormat.format(value); };
    show("reach-people", reach.peopleReached);
    show("reach-signups", reach.signUps);
    show("reach-loans", reach.loans);
    show("reach-help", reach.helpRequests);
    show("reach-visits", reach.homeVisits);

    const months = (reach.byMonth || []).map((m) => {
      const [year, month] = String(m.month).split("-").map(Number);
      const date = new Date(year, (month || 1) - 1, 1);
      return { label: monthFormat.format(date), longLabel: monthLongFormat.format(date), value: m.peopleReached, suppressed: m.suppressed };
    });
    const towns = (reach.byMunicipality || []).map((t) => ({ label: t.municipality.name, longLabel: t.municipality.name, value: t.peopleReached, suppressed: t.suppressed }));
    drawColumns($("chart-month"), months, "chart-month-title");
    drawRows($("chart-town"), towns, "chart-town-title");
    fillTable($("table-month"), months);
    fillTable($("table-town"), towns);
  }

  const shown = (item) => (item.suppressed || item.value === null || item.value === undefined ? "klein aantal" : numberFormat.format(item.value));

  function fillTable(table, items) {
    table.tBodies[0].replaceChildren(...items.map((item) => element("tr", {},
      element("th", { scope: "row" }, item.longLabel),
      element("td", { class: "num" }, shown(item)))));
  }

  const SVG = "http://www.w3.org/2000/svg";

  function svgNode(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, String(value));
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function nothingToDraw(container, items) {
    if (items.some((item) => !item.suppressed && item.value > 0)) {
      return false;
    }
    container.replaceChildren(element("p", { class: "hint" }, items.length
      ? "Elk cijfer is kleiner dan 5, dus er is geen grafiek. De tabel hieronder toont wat er is."
      : "Geen gegevens voor deze periode."));
    return true;
  }

  function chartSvg(width, height, titleId, items) {
    const summary = items.map((item) => `${item.longLabel}: ${shown(item)}`).join("; ");
    const svg = svgNode("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId, "aria-describedby": `${titleId}-desc` });
    svg.append(svgNode("desc", { id: `${titleId}-desc` }, summary || "Geen gegevens"));
    return svg;
  }

  // A column per month; labels below, values on top of each column.
  function drawColumns(container, items, titleId) {
    if (nothingToDraw(container, items)) {
      return;
    }
    const width = 720;
    const height = 300;
    const top = 30;
    const bottom = 50;
    const svg = chartSvg(width, height, titleId, items);
    const max = Math.max(1, ...items.map((i) => (i.suppressed ? 0 : i.value || 0)));
    const slot = items.length ? width / items.length : width;
    const barWidth = Math.min(44, slot * 0.62);
    const plot = height - top - bottom;
    items.forEach((item, index) => {
      const x = index * slot + (slot - barWidth) / 2;
      const centre = index * slot + slot / 2;
      const value = item.suppressed ? 0 : item.value || 0;
      const barHeight = Math.round((plot * value) / max);
      if (barHeight > 0) {
        svg.append(svgNode("rect", { class: "bar", x, y: top + plot - barHeight, width: barWidth, height: barHeight, rx: 3 }));
      }
      const valueText = item.suppressed ? "–" : numberFormat.format(value);
      svg.append(svgNode("text", { x: centre, y: top + plot - barHeight - 8, "text-anchor": "middle" }, valueText));
      svg.append(svgNode("text", { x: centre, y: height - bottom + 24, "text-anchor": "middle" }, item.label.replace(/\.?\s\d{4}$/, "")));
      if (index === 0 || item.label.slice(-4) !== items[index - 1].label.slice(-4)) {
        svg.append(svgNode("text", { x: centre, y: height - bottom + 44, "text-anchor": "middle", class: "small" }, item.label.slice(-4)));
      }
    });
    svg.append(svgNode("line", { class: "axis", x1: 0, x2: width, y1: top + plot, y2: top + plot }));
    container.replaceChildren(svg);
  }

  // A horizontal bar per town, name on the left, figure after the bar.
  function drawRows(container, items, titleId) {
    if (nothingToDraw(container, items)) {
      return;
    }
    const width = 720;
    const rowHeight = 44;
    const labelWidth = 170;
    const height = Math.max(rowHeight, items.length * rowHeight) + 8;
    const svg = chartSvg(width, height, titleId, items);
    const max = Math.max(1, ...items.map((i) => (i.suppressed ? 0 : i.value || 0)));
    const room = width - labelWidth - 140;
    items.forEach((item, index) => {
      const y = index * rowHeight + 4;
      const value = item.suppressed ? 0 : item.value || 0;
      const barWidth = Math.round((room * value) / max);
      svg.append(svgNode("text", { x: 0, y: y + rowHeight / 2 + 6 }, item.label));
      if (barWidth > 0) {
        svg.append(svgNode("rect", { class: "bar", x: labelWidth, y: y + 8, width: barWidth, height: rowHeight - 16, rx: 3 }));
      }
      svg.append(svgNode("text", { x: labelWidth + barWidth + 10, y: y + rowHeight / 2 + 6 }, shown(item)));
    });
    svg.append(svgNode("line", { class: "axis", x1: labelWidth, x2: labelWidth, y1: 0, y2: height }));
    container.replaceChildren(svg);
  }

  // ---------------------------------------------------------------- live events

  function applyEvent(event) {
    switch (event.kind) {
      case "SIGN_UP":
        bumpCounter("signUpsToday", 1);
        bumpCounter("signUpsPeriod", 1);
        if (/^[\d.]+$/.test($("reach-signups").textContent)) {
          $("reach-signups").textContent = numberFormat.format(Number($("reach-signups").textContent.replace(/\D/g, "")) + 1);
        }
        break;
      case "LOAN":
        bumpCounter("loans", 1);
        refreshSoon("devices");
        break;
      case "RETURN":
        bumpCounter("loans", -1);
        refreshSoon("devices");
        break;
      case "DEVICE_AVAILABILITY":
        refreshSoon("devices");
        break;
      case "HELP_REQUEST":
        bumpCounter("help", 1);
        if (state.token) {
          refreshSoon("help");
        }
        break;
      case "HELP_REQUEST_UPDATED":
        if (state.token) {
          refreshSoon("help");
        }
        break;
      case "PARTNER_SYNC":
        refreshSoon("partners");
        break;
      case "CALL_TASK":
        if (state.token) {
          refreshSoon("calls");
        }
        break;
      default:
        break;
    }
    if (event.course && event.course.id) {
      state.courses.set(event.course.id, { seatsLeft: event.course.seatsLeft ?? 0, waitingListLength: event.course.waitingListLength ?? 0 });
      renderCatalogue();
    }
    addToFeed(event);
  }

  function addToFeed(event) {
    const feed = $("feed");
    const at = event.at ? new Date(event.at) : new Date();
    const summary = event.summary || "";
    // Name each place once, and leave out what the summary or a longer name already says.
    const places = [event.course?.title, event.partner?.name, event.helpPoint?.name, event.municipality?.name]
      .filter(Boolean)
      .filter((name, index, all) => all.indexOf(name) === index)
      .filter((name, _, all) => !summary.includes(name) && !all.some((other) => other !== name && other.includes(name)));
    const body = element("div", { class: "body" },
      element("span", { class: NEGATIVE_KINDS.has(event.kind) ? "kind negative" : "kind" }, KINDS[event.kind] || event.kind),
      element("span", { class: "summary" }, summary));
    if (places.length) {
      body.append(element("span", { class: "where" }, places.join(" · ")));
    }
    feed.prepend(element("li", { class: "new" }, element("time", { datetime: at.toISOString() }, timeFormat.format(at)), body));
    while (feed.children.length > FEED_LIMIT) {
      feed.lastElementChild.remove();
    }
    $("feed-empty").hidden = true;
  }

  function setLive(status, text) {
    document.body.dataset.live = status;
    $("live-text").textContent = text;
  }

  const live = (() => {
    let socket = null;
    let attempt = 0;
    let connectedBefore = false;
    let retryTimer = null;
    let healthyTimer = null;
    let countdownTimer = null;

    function connect() {
      clearTimeout(retryTimer);
      clearInterval(countdownTimer);
      const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${GRAPHQL_PATH}`;
      setLive("connecting", "Live verbinding wordt gemaakt…");
      let ws;
      try {
        ws = new WebSocket(url, "graphql-transport-ws");
      } catch {
        scheduleReconnect();
        return;
      }
      socket = ws;
      const send = (message) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(message));

      ws.onopen = () => send({ type: "connection_init", payload: state.token ? { authorization: `Bearer ${state.token}` } : {} });

      ws.onmessage = (message) => {
        let msg;
        try {
          msg = JSON.parse(message.data);
        } catch {
          return;
        }
        switch (msg.type) {
          case "connection_ack":
            send({ id: SUBSCRIPTION_ID, type: "subscribe", payload: { query: SUBSCRIPTION, operationName: "DashboardEvents", variables: { region: REGION } } });
            document.body.dataset.connections = String(Number(document.body.dataset.connections) + 1);
            setLive("live", "Live: u ziet alles meteen");
            healthyTimer = setTimeout(() => { attempt = 0; }, HEALTHY_AFTER_MS);
            if (connectedBefore) {
              // Whatever happened while we were away is only in a new snapshot.
              loadSnapshot();
            }
            connectedBefore = true;
            break;
          case "next":
            if (msg.id === SUBSCRIPTION_ID && msg.payload?.data?.dashboardEvents) {
              attempt = 0;
              applyEvent(msg.payload.data.dashboardEvents);
            }
            break;
          case "error":
            setLive("waiting", "Live berichten geweigerd door de server");
            ws.close(1000, "subscription error");
            break;
          case "complete":
            ws.close(1000, "subscription complete");
            break;
          case "ping":
            send({ type: "pong", payload: msg.payload });
            break;
          default:
            break;
        }
      };

      ws.onclose = (close) => {
        if (socket !== ws) {
          return;
        }
        socket = null;
        clearTimeout(healthyTimer);
        if (close.code === 4403 && state.token) {
          setToken(null, "De live verbinding weigerde uw toegangscode. U ziet nu de openbare gegevens.");
          return;
        }
        scheduleReconnect();
      };
    }

    function scheduleReconnect() {
      const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
      attempt += 1;
      // Jitter spreads the reconnects of many open dashboards after a server restart.
      const delay = Math.min(MAX_BACKOFF_MS, Math.round(base * (0.8 + Math.random() * 0.4)));
      const until = Date.now() + delay;
      const tell = () => setLive("waiting", `Verbinding verbroken. Opnieuw proberen over ${Math.max(1, Math.ceil((until - Date.now()) / 1000))} s…`);
      tell();
      clearInterval(countdownTimer);
      countdownTimer = setInterval(tell, 1000);
      retryTimer = setTimeout(connect, delay);
    }

    function restart() {
      const old = socket;
      socket = null;
      clearTimeout(healthyTimer);
      if (old) {
        old.close(1000, "new token");
      }
      attempt = 0;
      connectedBefore = false;
      connect();
    }

    return { connect, restart };
  })();

  // ---------------------------------------------------------------- start

  // A staff token shows its own region: opened on another region's page, the page of the token's region is loaded.
  function otherRegionOf(token) {
    const region = token ? claimsOf(token).region : null;
    return region && REGION_ID && String(region) !== String(REGION_ID);
  }

  function start() {
    readToken();
    if (otherRegionOf(state.token)) {
      location.replace(`${location.pathname}?token=${encodeURIComponent(state.token)}`);
      return;
    }
    showSignIn("");
    $("signin-form").addEventListener("submit", (submit) => {
      submit.preventDefault();
      const value = $("token-input").value.trim();
      $("token-input").value = "";
      if (!value) {
        showSignIn("Vul eerst uw toegangscode in.");
        $("token-input").focus();
        return;
      }
      if (otherRegionOf(value)) {
        location.replace(`${location.pathname}?token=${encodeURIComponent(value)}`);
        return;
      }
      setToken(value, "");
      $("sign-out").focus();
    });
    $("sign-out").addEventListener("click", () => {
      setToken(null, "");
      $("token-input").focus();
    });
    $("calls").addEventListener("click", (click) => {
      const button = click.target.closest("button[data-call]");
      if (button) {
        button.disabled = true;
        markCalled(button.dataset.call, button.dataset.reached === "true").catch(() => {
          $("snapshot-message").textContent = "Niet bewaard: probeer het opnieuw.";
          button.disabled = false;
        });
      }
    });
    $("period-select").addEventListener("change", () => {
      loadReach().catch(() => showReach(null, "De bereikcijfers konden niet geladen worden."));
    });
    loadSnapshot();
    live.connect();
  }

  start();
})();
