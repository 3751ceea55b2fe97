// Plain DOM stand-ins for the ui-extensions components the card uses. They aim to
// look roughly like HubSpot's and to expose data-testid hooks for browser tests.
import type { CSSProperties, ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode; testId?: string };
const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');
const tid = (props: Props) => (props.testId ? { 'data-testid': props.testId } : {});
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
// Remote event handlers get a plain object, as they would across a worker boundary.
const fire = (handler: unknown, type: string) => () => { if (typeof handler === 'function') void handler({ type }); };

const DISTANCE: Record<string, string> = {
  flush: '0', 'extra-small': '4px', xs: '4px', small: '8px', sm: '8px', medium: '16px', md: '16px',
  large: '24px', lg: '24px', 'extra-large': '32px', xl: '32px',
};
const FLEX_VALUE: Record<string, string> = { start: 'flex-start', end: 'flex-end', center: 'center', between: 'space-between', around: 'space-around', baseline: 'baseline', stretch: 'stretch' };

function Flex(props: Props) {
  const style: CSSProperties = {
    display: 'flex',
    flexDirection: props.direction === 'column' ? 'column' : 'row',
    gap: DISTANCE[str(props.gap) ?? 'flush'],
    justifyContent: FLEX_VALUE[str(props.justify) ?? 'start'],
    alignItems: FLEX_VALUE[str(props.align) ?? 'stretch'],
    flexWrap: props.wrap === true || props.wrap === 'wrap' ? 'wrap' : 'nowrap',
  };
  return <div className="hs-flex" style={style} {...tid(props)}>{props.children}</div>;
}

function Box(props: Props) {
  const flex = props.flex === undefined ? undefined : String(props.flex);
  return <div className="hs-box" style={{ flex }} {...tid(props)}>{props.children}</div>;
}

function Text(props: Props) {
  const format = (props.format ?? {}) as { fontWeight?: string; italic?: boolean };
  const style: CSSProperties = { fontWeight: format.fontWeight === 'bold' ? 700 : format.fontWeight === 'demibold' ? 600 : undefined, fontStyle: format.italic ? 'italic' : undefined };
  const Tag = props.inline ? 'span' : 'p';
  return <Tag className={cls('hs-text', props.variant === 'microcopy' && 'hs-text--microcopy', Boolean(props.inline) && 'hs-text--inline')} style={style} {...tid(props)}>{props.children}</Tag>;
}

const Heading = (props: Props) => <h3 className="hs-heading" {...tid(props)}>{props.children}</h3>;

function Tag(props: Props) {
  const variant = str(props.variant) ?? 'default';
  return <span className={cls('hs-tag', `hs-tag--${variant}`)} data-variant={variant} {...tid(props)}>{props.children}</span>;
}

function StatusTag(props: Props) {
  const variant = str(props.variant) ?? 'default';
  return <span className={cls('hs-status-tag', `hs-status-tag--${variant}`)} data-variant={variant} {...tid(props)}>{props.children}</span>;
}

const Statistics = (props: Props) => <div className="hs-statistics" {...tid(props)}>{props.children}</div>;

const StatisticsItem = (props: Props) => (
  <div className="hs-stat" data-label={str(props.label)} {...tid(props)}>
    <div data-role="label">{str(props.label)}</div>
    <div data-role="number">{String(props.number ?? '')}</div>
    {props.children}
  </div>
);

const StatisticsTrend = (props: Props) => (
  <span className="hs-trend" data-direction={str(props.direction)} {...tid(props)}>{props.direction === 'decrease' ? '▼' : '▲'} {str(props.value)}</span>
);

const DescriptionList = (props: Props) => <dl className="hs-dl" {...tid(props)}>{props.children}</dl>;
const DescriptionListItem = (props: Props) => (
  <div data-label={str(props.label)} {...tid(props)}><dt>{str(props.label)}</dt><dd>{props.children}</dd></div>
);

const Alert = (props: Props) => (
  <div className="hs-alert" role="alert" data-variant={str(props.variant) ?? 'info'} {...tid(props)}>
    <strong>{str(props.title)}</strong>{props.children}
  </div>
);

function Button(props: Props) {
  const variant = str(props.variant) ?? 'secondary';
  const loading = props.loading === true;
  return (
    <button type="button" className={cls('hs-button', `hs-button--${variant}`, `hs-button--${str(props.size) ?? 'md'}`)}
      disabled={props.disabled === true || loading} data-loading={loading ? 'true' : 'false'} onClick={fire(props.onClick, 'click')} {...tid(props)}>
      {props.children}
    </button>
  );
}

const LoadingSpinner = (props: Props) => (
  <div className="hs-spinner" role="status" {...tid(props)}>{props.showLabel === false ? null : str(props.label)}</div>
);

const EmptyState = (props: Props) => (
  <div className="hs-empty" {...tid(props)}>{props.title ? <h4>{str(props.title)}</h4> : null}{props.children}</div>
);

const ErrorState = (props: Props) => (
  <div className="hs-error" role="alert" {...tid(props)}><h4>{str(props.title) ?? 'Something went wrong'}</h4>{props.children}</div>
);

const Divider = (props: Props) => <hr className="hs-divider" {...tid(props)} />;

const Table = (props: Props) => <table className="hs-table" {...tid(props)}>{props.children}</table>;
const TableHead = (props: Props) => <thead {...tid(props)}>{props.children}</thead>;
const TableBody = (props: Props) => <tbody {...tid(props)}>{props.children}</tbody>;
const TableRow = (props: Props) => <tr {...tid(props)}>{props.children}</tr>;
const TableHeader = (props: Props) => <th {...tid(props)}>{props.children}</th>;
const TableCell = (props: Props) => <td {...tid(props)}>{props.children}</td>;

const Tooltip = (props: Props) => <span className="hs-tooltip" role="tooltip" {...tid(props)}>{props.children}</span>;

function Link(props: Props) {
  const href = typeof props.href === 'string' ? props.href : str((props.href as { url?: unknown } | undefined)?.url);
  return <a className="hs-link" href={href} target="_blank" rel="noreferrer" onClick={fire(props.onClick, 'click')} {...tid(props)}>{props.children}</a>;
}

function ProgressBar(props: Props) {
  const max = Number(props.maxValue ?? props.valueMax ?? 100) || 100;
  const value = Math.max(0, Math.min(max, Number(props.value ?? 0)));
  return (
    <div {...tid(props)}>
      {props.title ? <p className="hs-text hs-text--microcopy">{str(props.title)}</p> : null}
      <div className="hs-progress" role="progressbar" aria-valuenow={value} aria-valuemax={max}><div style={{ width: `${(value / max) * 100}%` }} /></div>
    </div>
  );
}

const ScoreCircle = (props: Props) => <div className="hs-score-circle" {...tid(props)}>{String(props.score ?? '')}</div>;

export const PREVIEW_COMPONENTS = {
  Text, Heading, Tag, StatusTag, Statistics, StatisticsItem, StatisticsTrend, DescriptionList, DescriptionListItem,
  Alert, Button, LoadingButton: Button, LoadingSpinner, EmptyState, ErrorState, Flex, Box, Divider,
  Table, TableHead, TableRow, TableHeader, TableBody, TableCell, Tooltip, Link, ProgressBar, ScoreCircle,
};

const placeholders = new Map<string, (props: Props) => ReactNode>();

/** Unknown components render their children in a marked box instead of unmounting the card. */
export function placeholderFor(type: string) {
  let component = placeholders.get(type);
  if (!component) {
    component = (props: Props) => <div className="hs-unknown" data-component={type} data-testid="unknown-component">{`<${type}>`}{props.children}</div>;
    placeholders.set(type, component);
  }
  return component;
}
