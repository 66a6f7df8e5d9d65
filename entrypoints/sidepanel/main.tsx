import { render } from 'preact';
import { App } from '../../src/ui/panel/App';
import '../../src/ui/panel/panel.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
