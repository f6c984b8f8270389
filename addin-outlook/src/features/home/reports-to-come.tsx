import { Text } from '@fluentui/react-components';
import { HomeSection } from './home-section.js';

/** Where the reports' charts will sit; until they come, it says so rather than showing made-up figures. */
export function ReportsToCome() {
  return (
    <HomeSection title="Reports">
      <Text>
        Charts of the pipeline and of the team’s work will appear here once reports are added to Inbox CRM.
      </Text>
    </HomeSection>
  );
}
