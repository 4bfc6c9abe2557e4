import { definePlayer } from 'quizkit/player';
import { northKoreaChina } from 'quizkit/modules';
import { createApp, h } from 'vue';

definePlayer();
const onResult = (event: CustomEvent) => console.log('result', event.detail.result.percent);
createApp({ render: () => h('quizkit-player', { module: northKoreaChina, onResult }) }).mount('#app');
