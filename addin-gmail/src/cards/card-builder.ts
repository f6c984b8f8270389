import type {
  ActionResponse,
  Card,
  CardButton,
  CardSection,
  OnClick,
  SelectionItem,
  TriggerResponse,
  Widget,
} from './card-model.js';

/**
 * Card text takes a little HTML (<b>, <font>, <br>); anything that comes from people (names,
 * subjects, addresses) is escaped so it shows as written and never formats the card.
 */
export function escapeCardText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const bold = (text: string) => `<b>${escapeCardText(text)}</b>`;

export function card(header: { title: string; subtitle?: string } | null, sections: CardSection[]): Card {
  return {
    ...(header ? { header } : {}),
    sections: sections.filter((section) => section.widgets.length > 0),
  };
}

export function section(
  header: string | null,
  widgets: Widget[],
  options: { collapsedAfter?: number } = {},
): CardSection {
  const collapsible = options.collapsedAfter !== undefined && widgets.length > options.collapsedAfter;
  return {
    ...(header ? { header: escapeCardText(header) } : {}),
    ...(collapsible ? { collapsible: true, uncollapsibleWidgetsCount: options.collapsedAfter } : {}),
    widgets,
  };
}

/** A paragraph; `text` is card markup, so escape what people wrote before passing it. */
export const paragraph = (text: string): Widget => ({ textParagraph: { text } });

type FactOptions = { top?: string; bottom?: string; onClick?: OnClick; button?: CardButton };

function decorated(markup: string, options: FactOptions): Widget {
  return {
    decoratedText: {
      text: markup,
      wrapText: true,
      ...(options.top ? { topLabel: escapeCardText(options.top) } : {}),
      ...(options.bottom ? { bottomLabel: escapeCardText(options.bottom) } : {}),
      ...(options.onClick ? { onClick: options.onClick } : {}),
      ...(options.button ? { button: options.button } : {}),
    },
  };
}

/** A line with an optional label above and below; all three are plain text. */
export const fact = (text: string, options: FactOptions = {}): Widget =>
  decorated(escapeCardText(text), options);

/** A fact whose line is card markup already (escaped, with <b> where a search matched). */
export const markedFact = (markup: string, options: FactOptions = {}): Widget => decorated(markup, options);

/** Text with the ranges a search matched in bold, everything else escaped. */
export function boldMatches(value: {
  text: string;
  highlights: { start: number; length: number }[];
}): string {
  let markup = '';
  let at = 0;
  for (const { start, length } of value.highlights) {
    if (start < at) continue;
    markup += escapeCardText(value.text.slice(at, start)) + bold(value.text.slice(start, start + length));
    at = start + length;
  }
  return markup + escapeCardText(value.text.slice(at));
}

export const button = (
  text: string,
  onClick: OnClick,
  type: CardButton['type'] = 'OUTLINED',
): CardButton => ({
  text,
  onClick,
  type,
});

export const buttons = (...list: CardButton[]): Widget => ({ buttonList: { buttons: list } });

export const openLink = (url: string): OnClick => ({ openLink: { url } });

export function textInput(
  name: string,
  label: string,
  options: { value?: string; hint?: string; multiline?: boolean } = {},
): Widget {
  return {
    textInput: {
      name,
      label,
      type: options.multiline ? 'MULTIPLE_LINE' : 'SINGLE_LINE',
      ...(options.value ? { value: options.value } : {}),
      ...(options.hint ? { hintText: options.hint } : {}),
    },
  };
}

export function checkboxes(name: string, label: string, items: SelectionItem[]): Widget {
  return { selectionInput: { name, label, type: 'CHECK_BOX', items } };
}

export function dropdown(name: string, label: string, items: SelectionItem[]): Widget {
  return { selectionInput: { name, label, type: 'DROPDOWN', items } };
}

/** A trigger's answer: show this card. */
export const showCard = (shown: Card): TriggerResponse => ({
  action: { navigations: [{ pushCard: shown }] },
});

/** An action's answer: this card in place of the current one, and a notification if there is news. */
export function replaceCard(shown: Card, notification?: string): ActionResponse {
  return {
    renderActions: {
      action: {
        navigations: [{ updateCard: shown }],
        ...(notification ? { notification: { text: notification } } : {}),
      },
    },
  };
}

/** An action's answer: open this card on top of the current one (Back returns). */
export function pushCard(shown: Card): ActionResponse {
  return { renderActions: { action: { navigations: [{ pushCard: shown }] } } };
}

/** An action's answer: close the card on top and redraw the one under it. */
export function popAndReplace(shown: Card, notification?: string): ActionResponse {
  return {
    renderActions: {
      action: {
        navigations: [{ pop: true }, { updateCard: shown }],
        ...(notification ? { notification: { text: notification } } : {}),
      },
    },
  };
}
