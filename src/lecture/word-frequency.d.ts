declare module 'virtual:word-frequency' {
  const data: { words: string; zipfSteps: Array<[number, number]> };
  export default data;
}
