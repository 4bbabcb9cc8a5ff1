// The upload widget studio page: the shared workbench over this widget's state, form and event log.
import '@kumo/upload-widget/define';
import { startWorkbench } from '../shared/studio-workbench.js';
import { EventLog } from './event-log.js';
import { OptionsForm } from './options-form.js';
import * as widgetStates from './upload-widget-state.js';

startWorkbench({
  tag: 'kumo-upload-widget',
  noun: 'widget',
  states: widgetStates,
  describe: widgetStates.describeWidget,
  OptionsForm,
  EventLog,
  // Ends the replaced widget's uploads and releases what it holds.
  retire: (widget) => widget.destroy(),
});
