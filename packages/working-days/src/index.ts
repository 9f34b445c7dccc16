export { WorkingCalendar, type CountedDate, type ScheduleSource } from "./calendar.js";
export { chinaDateOf, isIsoDate, isWeekend } from "./dates.js";
export { packageSchedules } from "./package-schedules.js";
export { CalendarError, parseYearSchedule, type YearSchedule } from "./schedule.js";
