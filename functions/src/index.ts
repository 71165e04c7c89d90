/**
 * The Azure Functions app of the reminder runner (issue 12): one timer function, `reminders`, in
 * the Node.js programming model v4 (functions registered in code with `app.timer`, the entry point
 * being package.json's `main`; learn: /azure/azure-functions/functions-reference-node).
 *
 * Schedule: the NCRONTAB expression (six fields, `{second} {minute} {hour} {day} {month}
 * {day-of-week}`) in the app setting REMINDER_SCHEDULE, named here as `%REMINDER_SCHEDULE%`
 * (learn: /azure/azure-functions/functions-bindings-timer, "NCRONTAB expressions" and the
 * `schedule` property: "the app setting name wrapped in % signs"). Suggested value `0 5 8,12 * * 1-5`:
 * 08:05 and 12:05, Monday to Friday. The schedule only decides how often the runner looks: the
 * reminder rules themselves post only inside the delivery window (08:00 to 16:00 Oslo time by
 * default), never at weekends or on public holidays, and each reminder once, so an extra or a late
 * run does no harm, and the second look catches what a failed morning run left (the timer trigger
 * does not retry a failed execution).
 *
 * Time zone: NCRONTAB is UTC unless the app setting WEBSITE_TIME_ZONE says otherwise; Windows plans
 * take `W. Europe Standard Time` (Oslo), Linux Premium and Dedicated plans `Europe/Oslo`, and Linux
 * Consumption and Flex Consumption support neither WEBSITE_TIME_ZONE nor TZ (learn:
 * /azure/azure-functions/functions-bindings-timer, "NCRONTAB time zones"). The suggested hours are
 * inside the window whether they are read as Oslo time or as UTC (08:05 UTC is 09:05 or 10:05 in
 * Oslo), so the same value works on every plan.
 *
 * Timeout (host.json, which takes no comments): `functionTimeout` 00:10:00, the Consumption plan's
 * maximum; Flex Consumption (default 30 minutes, no maximum) raises it with the app setting
 * `AzureFunctionsJobHost__functionTimeout` (learn: /azure/azure-functions/functions-scale#timeout,
 * /azure/azure-functions/functions-host-json#override-hostjson-values). functions/README.md says why.
 *
 * `runOnStartup` stays off (Microsoft: "rarely if ever ... in production"): a scale-out or restart
 * would run the reminders at unplanned times. `useMonitor` keeps its default (on for schedules of a
 * minute or more), so a run missed while the app was down comes late, marked `isPastDue`.
 */
import { app } from '@azure/functions';
import { createReminderTimerHandler } from './handler';

app.timer('reminders', {
  schedule: '%REMINDER_SCHEDULE%',
  handler: createReminderTimerHandler({ env: process.env }),
});
