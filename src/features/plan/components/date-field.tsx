/**
 * A date typed or picked: a text field that reads what people write (lib/due-input.ts) and a
 * button that opens Fluent's calendar (the Calendar of Fluent's DatePicker) in a popover. The
 * deadline can be a day or a whole month ('Whole month' switches the calendar to months); the
 * start is a day. Month and day names come from Intl in the user's language, weeks start on Monday.
 * What the field holds is text: the editor reads it when it saves, so a half-typed date is never
 * rewritten under the user's fingers.
 */
import {
  Button,
  FieldContextProvider,
  Input,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Calendar, DayOfWeek, FirstWeekOfYear, type CalendarStrings, type DateFormatting, type ICalendar } from '@fluentui/react-calendar-compat';
import { CalendarLtr20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n, type I18n } from '../../../i18n';
import { dateOfValue, parseDueInput, valueOfDate } from '../../../lib/due-input';

const useStyles = makeStyles({
  input: { width: '100%', minWidth: 0 },
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: 'calc(100vw - 16px)', boxSizing: 'border-box', overflowX: 'auto' },
});

/** The calendar's month and day names from Intl, its labels from the catalogue. */
export function calendarStrings(t: I18n['t'], locale: string): CalendarStrings {
  const month = (style: 'long' | 'short') => {
    const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2027, i, 1)).replace(/\.$/, ''));
  };
  // 2 January 2000 was a Sunday: the calendar lists the days from Sunday.
  const weekday = (style: 'long' | 'narrow') => {
    const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
    return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2000, 0, 2 + i)));
  };
  return {
    months: month('long'),
    shortMonths: month('short'),
    days: weekday('long'),
    shortDays: weekday('narrow'),
    goToToday: t('planEdit.calendar.goToToday'),
    prevMonthAriaLabel: t('planEdit.calendar.prevMonth'),
    nextMonthAriaLabel: t('planEdit.calendar.nextMonth'),
    prevYearAriaLabel: t('planEdit.calendar.prevYear'),
    nextYearAriaLabel: t('planEdit.calendar.nextYear'),
    prevYearRangeAriaLabel: t('planEdit.calendar.prevYears'),
    nextYearRangeAriaLabel: t('planEdit.calendar.nextYears'),
    closeButtonAriaLabel: t('goal.cancel'),
    // The calendar puts the date where '{0}' stands.
    selectedDateFormatString: t('planEdit.calendar.selected', { date: '{0}' }),
    todayDateFormatString: t('planEdit.calendar.today', { date: '{0}' }),
    monthPickerHeaderAriaLabel: t('planEdit.calendar.monthHeader', { value: '{0}' }),
    yearPickerHeaderAriaLabel: t('planEdit.calendar.yearHeader', { value: '{0}' }),
  };
}

/** The calendar's own texts (day buttons, headers, the live region) as the language writes dates. */
export function calendarFormatting(locale: string): DateFormatting {
  const dayMonthYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
  return {
    formatDay: (date) => String(date.getDate()),
    formatMonth: (date, strings) => strings.months[date.getMonth()] ?? '',
    formatYear: (date) => String(date.getFullYear()),
    formatMonthDayYear: (date) => dayMonthYear.format(date),
    formatMonthYear: (date) => monthYear.format(date),
  };
}

export function DateField({
  value,
  onChange,
  months,
  today,
}: {
  /** The text in the field, as typed or as the calendar wrote it. */
  value: string;
  onChange: (text: string) => void;
  /** Whether a whole month can be chosen (the deadline), or only a day (the start). */
  months: boolean;
  /** Today (YYYY-MM-DD), where the calendar opens when the field holds no date. */
  today: string;
}) {
  const styles = useStyles();
  const { t, locale, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  const parsed = parseDueInput(value);
  const chosen = parsed.kind === 'day' || parsed.kind === 'month' ? parsed : null;
  const [wholeMonth, setWholeMonth] = useState(false);
  const calendar = useRef<ICalendar>(null);
  const input = useRef<HTMLInputElement>(null);
  /** Set when a date was picked: the focus then goes to the field that shows it. */
  const picked = useRef(false);
  const strings = useMemo(() => calendarStrings(t, locale), [t, locale]);
  const formatting = useMemo(() => calendarFormatting(locale), [locale]);
  const todayDate = useMemo(() => dateOfValue(today) ?? new Date(), [today]);

  // The calendar takes the focus once it is shown, on the chosen day (or month); once a date is
  // picked and the calendar gone, the field that shows the date has it.
  useEffect(() => {
    if (open) calendar.current?.focus();
    else if (picked.current) {
      picked.current = false;
      input.current?.focus();
    }
  }, [open]);

  const pick = (date: Date) => {
    onChange(formatDate(valueOfDate(date, months && wholeMonth ? 'month' : 'day')));
    picked.current = true;
    setOpen(false);
  };

  const button = (
    <Popover
      open={open}
      trapFocus
      positioning="below-end"
      onOpenChange={(_, data) => {
        // Opening shows the kind of date the field holds: a month in the month view.
        if (data.open) setWholeMonth(months && chosen?.kind === 'month');
        setOpen(data.open);
      }}
    >
      <PopoverTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          size="small"
          icon={<CalendarLtr20Regular />}
          aria-label={t(months ? 'planEdit.calendar.pickDayOrMonth' : 'planEdit.calendar.pickDay')}
          aria-expanded={open}
          aria-haspopup="dialog"
        />
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={t('planEdit.calendar.label')} role="dialog" data-testid="date-picker">
        {/* The calendar's switch and buttons are not the field's control: no field id or label for them. */}
        <FieldContextProvider value={undefined}>
          {months && <Switch label={t('planEdit.calendar.wholeMonth')} checked={wholeMonth} onChange={(_, d) => setWholeMonth(d.checked)} />}
          <Calendar
            key={wholeMonth ? 'month' : 'day'}
            componentRef={calendar}
            value={chosen ? (dateOfValue(chosen.value) ?? undefined) : undefined}
            today={todayDate}
            onSelectDate={pick}
            onDismiss={() => setOpen(false)}
            firstDayOfWeek={DayOfWeek.Monday}
            firstWeekOfYear={FirstWeekOfYear.FirstFourDayWeek}
            strings={strings}
            dateTimeFormatter={formatting}
            isDayPickerVisible={!(months && wholeMonth)}
            isMonthPickerVisible
            showMonthPickerAsOverlay={!(months && wholeMonth)}
            highlightSelectedMonth
            showGoToToday
          />
        </FieldContextProvider>
      </PopoverSurface>
    </Popover>
  );

  return <Input ref={input} className={styles.input} value={value} onChange={(_, d) => onChange(d.value)} contentAfter={button} autoComplete="off" />;
}
