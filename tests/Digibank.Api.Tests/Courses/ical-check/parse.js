// Reads an .ics file with node-ical and prints its events as JSON lines: uid, start, end, summary, status.
"use strict";
const ical = require("node-ical");
const events = Object.values(ical.sync.parseFile(process.argv[2])).filter((item) => item.type === "VEVENT");
for (const event of events) {
  console.log(JSON.stringify({
    uid: event.uid,
    start: new Date(event.start).toISOString(),
    end: new Date(event.end).toISOString(),
    summary: String(event.summary),
    status: event.status || null,
  }));
}
