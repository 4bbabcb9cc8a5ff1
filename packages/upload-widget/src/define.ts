/**
 * Registers `<kumo-upload-widget>` and the parts it needs to open (each once, whatever else loaded
 * them); the rest register themselves the first time the widget shows them.
 */
import './upload-widget/define.js';
