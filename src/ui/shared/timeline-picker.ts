import { html, type TemplateResult } from 'lit';
import type { TraceEvent } from '../../core/trace';
import { radioGroup } from './fields';
import '../pl-timeline';

export interface TimelinePickerOptions<V extends string> {
  /** The finished runs the visitor may pick, in order. */
  options: ReadonlyArray<{ value: V; label: string }>;
  selected: V;
  onChange: (variant: V) => void;
  heading: string;
  trace: TraceEvent[];
}

/** "Timeline of": a choice among the finished runs, and the chosen run's timeline. */
export function timelinePicker<V extends string>(o: TimelinePickerOptions<V>): TemplateResult {
  return html`${radioGroup('Timeline of', 'timeline', o.options, o.selected, o.onChange)}
    <pl-timeline heading=${o.heading} .trace=${o.trace}></pl-timeline>`;
}
