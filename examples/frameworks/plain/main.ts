import { definePlayer } from 'quizkit/player';
import { northKoreaChina } from 'quizkit/modules';

definePlayer();
const player = document.querySelector('quizkit-player')!;
player.module = northKoreaChina;
player.addEventListener('result', (event) => console.log('result', event.detail.result.percent));
