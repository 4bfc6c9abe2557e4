/**
 * The module practice mode uses when no `module` URL is given: the built-in
 * article module, answer key included. It is its own chunk, loaded only in
 * practice mode, so an exam-mode page never receives it.
 */
export { northKoreaChina as bundledModule } from 'quizkit/modules';
