/** The file the script-tag build puts the markdown stack in, beside tinytalk-widget.js. */
export const markdownChunkName = 'tinytalk-widget-markdown.js';
