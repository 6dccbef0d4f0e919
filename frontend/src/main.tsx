import { render } from 'preact';
import { App } from './components/App';
import { start } from './events';
import './styles.css';

render(<App />, document.getElementById('app')!);
void start();
