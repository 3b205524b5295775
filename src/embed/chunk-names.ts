/** The file the script-tag build puts the panel in, beside tinytalk-widget.js: fetched when the chat is about to open. */
export const panelChunkName = 'tinytalk-widget-panel.js';

/** The file the script-tag build puts the markdown stack in, beside tinytalk-widget.js: fetched with the panel. */
export const markdownChunkName = 'tinytalk-widget-markdown.js';
