// The subset of Google's card JSON (the Cards v1 model, as in GoogleAppsCardV1Card) that the
// add-on renders. Only the builders in this folder make these objects.

export interface ActionParameter {
  key: string;
  value: string;
}

export interface CardAction {
  /** The endpoint Google calls: an absolute https URL. */
  function: string;
  parameters: ActionParameter[];
  loadIndicator?: 'SPINNER' | 'NONE';
}

export type OnClick = { action: CardAction } | { openLink: { url: string } };

export interface CardButton {
  text: string;
  onClick: OnClick;
  disabled?: boolean;
  type?: 'FILLED' | 'OUTLINED' | 'BORDERLESS';
}

export interface SelectionItem {
  text: string;
  value: string;
  selected: boolean;
  bottomText?: string;
}

export type Widget =
  | { textParagraph: { text: string } }
  | {
      decoratedText: {
        topLabel?: string;
        text: string;
        bottomLabel?: string;
        wrapText: boolean;
        onClick?: OnClick;
        button?: CardButton;
      };
    }
  | { buttonList: { buttons: CardButton[] } }
  | {
      textInput: {
        name: string;
        label: string;
        value?: string;
        hintText?: string;
        type: 'SINGLE_LINE' | 'MULTIPLE_LINE';
      };
    }
  | {
      selectionInput: {
        name: string;
        label: string;
        type: 'CHECK_BOX' | 'DROPDOWN' | 'RADIO_BUTTON';
        items: SelectionItem[];
      };
    };

export interface CardSection {
  header?: string;
  collapsible?: boolean;
  uncollapsibleWidgetsCount?: number;
  widgets: Widget[];
}

export interface Card {
  name?: string;
  header?: { title: string; subtitle?: string };
  sections: CardSection[];
}

/** What a trigger (homepage, message, compose) answers: the card to show. */
export interface TriggerResponse {
  action: { navigations: [{ pushCard: Card }] };
}

/** What a card action answers: a card in place of the current one, and a line of news. */
export interface ActionResponse {
  renderActions: {
    action: {
      navigations?: ({ updateCard: Card } | { pushCard: Card } | { pop: true })[];
      notification?: { text: string };
    };
  };
}
