import type {} from 'quizkit/player/react';
import { definePlayer } from 'quizkit/player';
import { northKoreaChina } from 'quizkit/modules';
import { createRoot } from 'react-dom/client';

definePlayer();
const App = () => <quizkit-player module={northKoreaChina} onresult={(event) => console.log('result', event.detail.result.percent)} />;
createRoot(document.getElementById('app')!).render(<App />);
