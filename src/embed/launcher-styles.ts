import css from '../ui/styles.css?inline';
import type { StyleSource } from './stylesheet';

/** The styles every page needs: the host, the theme and the launcher (the panel's come with it). */
export const launcherStyles: StyleSource = { name: 'launcher', css };
