import { render } from 'preact';
import { CaptureApp } from '../../src/ui/capture/App';
import '../../src/ui/panel/panel.css';
import '../../src/ui/options/options.css';

const root = document.getElementById('app');
if (root) render(<CaptureApp captureId={new URLSearchParams(location.search).get('id') ?? ''} />, root);
