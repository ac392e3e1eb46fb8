// Starts s3rver on 127.0.0.1 for the remote-file tests and prints one line per HTTP request, so tests can count
// exactly what a tile costs. Usage: node server.js <port|0> <directory> <bucket,bucket,...>
'use strict';
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

const [, , port, directory, buckets] = process.argv;
// A second key pair, so tests can give two buckets different credentials.
AWSAccount.DUMMY_ACCOUNT.createKeyPair('OTHERKEY', 'OTHERSECRET');
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: true,
  vhostBuckets: false,
  configureBuckets: buckets.split(',').filter(Boolean).map(name => ({ name })),
});
server.run().then(address => {
  server.httpServer.on('request', request =>
    console.log(`REQUEST ${request.method} ${request.url} ${request.headers.range || '-'} ${credential(request)}`));
  console.log(`LISTENING ${address.port}`);
}, error => {
  console.error(error);
  process.exit(1);
});

function credential(request) {
  const match = /Credential=([^/]+)\//.exec(request.headers.authorization || '');
  return match ? match[1] : 'anonymous';
}
