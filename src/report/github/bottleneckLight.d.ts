// bottleneck/light.js — the build the Octokit plugins use, without the Redis clustering — has
// the types of the package's main entry.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
